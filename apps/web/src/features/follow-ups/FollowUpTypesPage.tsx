import { FOLLOW_UP_TYPE_CODE_PATTERN, type FollowUpType } from '@guanxi/contract';
import { Alert, Button, Card, Col, Form, Grid, Input, InputNumber, Row, Spin, Switch, Typography } from 'antd';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useFollowUpTypes, useSaveFollowUpTypes } from './followUps.queries';
import { NewButton } from '../../platform/ui/NewButton';

const CODE = new RegExp(FOLLOW_UP_TYPE_CODE_PATTERN);

/** Settings: the organization's follow-up types (names, order, active); permission followups.manage. */
export default function FollowUpTypesPage() {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<{ items: FollowUpType[] }>();
  const types = useFollowUpTypes();
  const save = useSaveFollowUpTypes();
  // A phone stacks each row's fields under no column headers: there every field names itself.
  const isPhone = Grid.useBreakpoint().md === false;
  const labelOf = (key: 'code' | 'nameZh' | 'nameEn' | 'sortOrder' | 'active') =>
    isPhone ? t(`followUpTypes.${key}`) : undefined;
  if (types.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (types.isError) return <Alert type="error" showIcon title={types.error.message} />;
  const savedCodes = new Set(types.data.items.map((type) => type.code));

  return (
    <Card title={t('followUpTypes.title')}>
      <Typography.Paragraph type="secondary">{t('followUpTypes.hint')}</Typography.Paragraph>
      <Form
        form={form}
        initialValues={{ items: types.data.items }}
        onFinish={(values) =>
          save.mutate(values.items, { onSuccess: () => void message.success(t('common.saved')), onError: showErrors })
        }
      >
        <Form.List name="items">
          {(fields, { add }) => (
            <>
              {/* Column headers on a desktop; a phone stacks the fields and keeps their placeholders. */}
              <Row gutter={8} className="gx-desktop-only" style={{ marginBottom: 8 }} data-testid="follow-up-type-head">
                <Col md={4}>
                  <Typography.Text strong>{t('followUpTypes.code')}</Typography.Text>
                </Col>
                <Col md={5}>
                  <Typography.Text strong>{t('followUpTypes.nameZh')}</Typography.Text>
                </Col>
                <Col md={5}>
                  <Typography.Text strong>{t('followUpTypes.nameEn')}</Typography.Text>
                </Col>
                <Col md={3}>
                  <Typography.Text strong>{t('followUpTypes.sortOrder')}</Typography.Text>
                </Col>
                <Col md={3}>
                  <Typography.Text strong>{t('followUpTypes.active')}</Typography.Text>
                </Col>
              </Row>
              {fields.map((field) => {
                const code = form.getFieldValue(['items', field.name, 'code']) as string | undefined;
                return (
                  <Row key={field.key} gutter={8} align="middle" data-testid="follow-up-type-row">
                    <Col xs={12} md={4}>
                      <Form.Item
                        label={labelOf('code')}
                        name={[field.name, 'code']}
                        rules={[{ required: true, pattern: CODE }]}
                      >
                        <Input
                          placeholder={t('followUpTypes.code')}
                          disabled={code !== undefined && savedCodes.has(code)}
                          maxLength={20}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item
                        label={labelOf('nameZh')}
                        name={[field.name, 'nameZh']}
                        rules={[{ required: true, whitespace: true }]}
                      >
                        <Input placeholder={t('followUpTypes.nameZh')} maxLength={32} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item
                        label={labelOf('nameEn')}
                        name={[field.name, 'nameEn']}
                        rules={[{ required: true, whitespace: true }]}
                      >
                        <Input placeholder={t('followUpTypes.nameEn')} maxLength={32} />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={3}>
                      <Form.Item
                        label={labelOf('sortOrder')}
                        name={[field.name, 'sortOrder']}
                        rules={[{ required: true }]}
                      >
                        <InputNumber
                          min={0}
                          max={10000}
                          placeholder={t('followUpTypes.sortOrder')}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={3}>
                      <Form.Item label={labelOf('active')} name={[field.name, 'active']} valuePropName="checked">
                        <Switch size="small" aria-label={t('followUpTypes.active')} />
                      </Form.Item>
                    </Col>
                  </Row>
                );
              })}
              <NewButton
                onClick={() =>
                  add({ code: '', nameZh: '', nameEn: '', sortOrder: (fields.length + 1) * 10, active: true })
                }
                style={{ marginBottom: 16 }}
              >
                {t('followUpTypes.add')}
              </NewButton>
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="follow-up-types-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
