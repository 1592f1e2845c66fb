import { DeleteOutlined } from '@ant-design/icons';
import { ATTITUDES, DECISION_ROLES, type PutDecisionChainBody } from '@guanxi/contract';
import { Alert, App, Button, Card, Form, Input, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useCustomerContacts } from '../contacts';
import { useDecisionChain, usePutDecisionChain } from './opportunities.queries';
import { NewButton } from '../../platform/ui/NewButton';

type ChainForm = PutDecisionChainBody;

/** 决策链: the customer's contacts with their role in the deal and their attitude. */
export function DecisionChainCard({
  opportunityId,
  customerId,
  canEdit,
}: {
  opportunityId: string;
  customerId: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const chain = useDecisionChain(opportunityId);
  const contacts = useCustomerContacts(customerId);
  const save = usePutDecisionChain(opportunityId);
  const [form] = Form.useForm<ChainForm>();
  const showServerErrors = useServerFieldErrors(form);

  if (chain.isPending || contacts.isPending) return <Spin />;
  if (chain.isError) return <Alert type="error" showIcon title={chain.error.message} />;
  const contactOptions = (contacts.data?.items ?? []).map((c) => ({
    value: c.id,
    label: c.title ? `${c.name}（${c.title}）` : c.name,
  }));
  const initialValues: ChainForm = {
    items: chain.data.items.map(({ contactId, role, attitude, remarks }) => ({ contactId, role, attitude, remarks })),
  };
  const submit = (values: ChainForm) =>
    save.mutate(
      { items: (values.items ?? []).map((item) => ({ ...item, remarks: item.remarks || null })) },
      { onSuccess: () => void message.success(t('decisionChain.saved')), onError: showServerErrors },
    );

  return (
    <Card size="small" title={t('decisionChain.title')} data-testid="decision-chain">
      {contactOptions.length === 0 && (
        <Typography.Text type="secondary">{t('decisionChain.noContacts')}</Typography.Text>
      )}
      <Form<ChainForm> form={form} initialValues={initialValues} onFinish={submit} disabled={!canEdit}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="start" style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'contactId']} rules={[{ required: true }]} noStyle>
                    <Select placeholder={t('decisionChain.contact')} options={contactOptions} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} rules={[{ required: true }]} noStyle>
                    <Select
                      placeholder={t('decisionChain.role')}
                      options={DECISION_ROLES.map((r) => ({ value: r, label: t(`decisionRole.${r}`) }))}
                      style={{ width: 120 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'attitude']} rules={[{ required: true }]} noStyle>
                    <Select
                      placeholder={t('decisionChain.attitude')}
                      options={ATTITUDES.map((a) => ({ value: a, label: t(`attitude.${a}`) }))}
                      style={{ width: 100 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'remarks']} noStyle>
                    <Input placeholder={t('decisionChain.remarks')} maxLength={200} style={{ width: 180 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.delete')}
                  />
                </Space>
              ))}
              {canEdit && (
                <Space>
                  <NewButton
                    onClick={() => add({ role: 'influencer', attitude: 'neutral' })}
                    disabled={contactOptions.length === 0}
                  >
                    {t('decisionChain.add')}
                  </NewButton>
                  <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="decision-chain-save">
                    {t('common.save')}
                  </Button>
                </Space>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
