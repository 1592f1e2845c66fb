import { DeleteOutlined } from '@ant-design/icons';
import { THREAT_LEVELS, fenToYuan, yuanToFen, type OpportunityCompetitor, type ThreatLevel } from '@guanxi/contract';
import { Alert, App, AutoComplete, Button, Card, Form, Input, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { positiveYuanRule } from '../../platform/money';
import { NewButton } from '../../platform/ui/NewButton';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useCompetitors, useOpportunityCompetitors, usePutOpportunityCompetitors } from './competition.queries';

interface Row {
  name?: string;
  threatLevel?: ThreatLevel | null;
  quotedPrice?: string;
  strengths?: string;
  weaknesses?: string;
}
interface CompetitorsForm {
  items: Row[];
}
const toRow = (c: OpportunityCompetitor): Row => ({
  name: c.competitorName,
  threatLevel: c.threatLevel,
  quotedPrice: c.quotedPriceFen === null ? undefined : fenToYuan(c.quotedPriceFen),
  strengths: c.strengths ?? undefined,
  weaknesses: c.weaknesses ?? undefined,
});

/** 竞争对手: who else bids for this deal, their strengths, weaknesses, quote and threat (as the decision chain). */
export function OpportunityCompetitorsCard({ opportunityId, canEdit }: { opportunityId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const recorded = useOpportunityCompetitors(opportunityId);
  const list = useCompetitors();
  const save = usePutOpportunityCompetitors(opportunityId);
  const [form] = Form.useForm<CompetitorsForm>();
  const showServerErrors = useServerFieldErrors(form);

  if (recorded.isPending) return <Spin />;
  if (recorded.isError) return <Alert type="error" showIcon title={recorded.error.message} />;
  const known = new Map((list.data ?? []).map((c) => [c.name.toLowerCase(), c.id]));
  const submit = ({ items }: CompetitorsForm) =>
    save.mutate(
      {
        items: (items ?? []).map((row) => {
          const name = (row.name ?? '').trim();
          const id = known.get(name.toLowerCase());
          return {
            ...(id ? { competitorId: id } : { competitorName: name }),
            threatLevel: row.threatLevel ?? null,
            quotedPriceFen: row.quotedPrice ? yuanToFen(String(row.quotedPrice)) : null,
            strengths: row.strengths?.trim() || null,
            weaknesses: row.weaknesses?.trim() || null,
          };
        }),
      },
      { onSuccess: () => void message.success(t('competitor.saved')), onError: showServerErrors },
    );
  const nameOptions = (list.data ?? []).map((c) => ({ value: c.name }));

  return (
    <Card size="small" title={t('competitor.title')} data-testid="opportunity-competitors">
      <Form<CompetitorsForm>
        form={form}
        initialValues={{ items: recorded.data.map(toRow) }}
        onFinish={submit}
        disabled={!canEdit}
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && (
                <Typography.Paragraph type="secondary">{t('competitor.empty')}</Typography.Paragraph>
              )}
              {fields.map((field) => (
                <div
                  key={field.key}
                  style={{ borderBottom: '1px solid rgba(5,5,5,0.06)', marginBottom: 8, paddingBottom: 8 }}
                  data-testid="opportunity-competitor-row"
                >
                  <Space wrap align="start" style={{ display: 'flex', marginBottom: 8 }}>
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={[{ required: true, whitespace: true, message: t('competitor.pick') }]}
                      noStyle
                    >
                      <AutoComplete
                        options={nameOptions}
                        placeholder={t('competitor.pick')}
                        showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input) }}
                        maxLength={64}
                        style={{ width: 'min(200px, 72vw)' }}
                        data-testid="competitor-name"
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'threatLevel']} noStyle>
                      <Select
                        allowClear
                        prefix={<Typography.Text type="secondary">{t('competitor.threatLevel')}</Typography.Text>}
                        placeholder={t('competitor.threatLevel')}
                        options={THREAT_LEVELS.map((level) => ({ value: level, label: t(`threatLevel.${level}`) }))}
                        style={{ width: 150 }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'quotedPrice']}
                      rules={[positiveYuanRule(t('opportunity.amountInvalid'))]}
                      noStyle
                    >
                      <Input
                        prefix={<Typography.Text type="secondary">{t('competitor.quotedPrice')}</Typography.Text>}
                        style={{ width: 'min(220px, 72vw)' }}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('common.delete')}
                    />
                  </Space>
                  <Space wrap align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'strengths']} noStyle>
                      <Input
                        prefix={<Typography.Text type="secondary">{t('competitor.strengths')}</Typography.Text>}
                        maxLength={500}
                        style={{ width: 'min(280px, 72vw)' }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'weaknesses']} noStyle>
                      <Input
                        prefix={<Typography.Text type="secondary">{t('competitor.weaknesses')}</Typography.Text>}
                        maxLength={500}
                        style={{ width: 'min(280px, 72vw)' }}
                      />
                    </Form.Item>
                  </Space>
                </div>
              ))}
              {canEdit && (
                <Space wrap>
                  <NewButton onClick={() => add({})} data-testid="competitor-add">
                    {t('competitor.add')}
                  </NewButton>
                  <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="competitors-save">
                    {t('common.save')}
                  </Button>
                  <Typography.Text type="secondary">{t('competitor.pickHint')}</Typography.Text>
                </Space>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
