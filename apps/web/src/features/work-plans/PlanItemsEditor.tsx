import { DeleteOutlined } from '@ant-design/icons';
import { PLAN_ITEM_KINDS } from '@guanxi/contract';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CustomerPicker } from '../../platform/CustomerPicker';
import { NewButton } from '../../platform/ui/NewButton';

/** The planned visits and calls, one small card per item so it fits a phone. */
export function PlanItemsEditor({ customerNames }: { customerNames: Map<string, string> }) {
  const { t } = useTranslation();
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Card key={field.key} size="small" style={{ marginBottom: 8 }} data-testid="plan-item">
              <Row gutter={8} align="bottom">
                <Col xs={24} md={8}>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) => {
                      const id = getFieldValue(['items', field.name, 'customerId']) as string | undefined;
                      return (
                        <Form.Item
                          name={[field.name, 'customerId']}
                          label={t('plan.customer')}
                          rules={[{ required: true }]}
                        >
                          <CustomerPicker
                            mineFirst
                            data-testid="check-in-customer"
                            style={{ width: '100%' }}
                            initial={id && customerNames.has(id) ? { id, name: customerNames.get(id)! } : undefined}
                          />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Col>
                <Col xs={10} md={4}>
                  <Form.Item name={[field.name, 'kind']} label={t('plan.itemKind')} rules={[{ required: true }]}>
                    <Select options={PLAN_ITEM_KINDS.map((k) => ({ value: k, label: t(`plan.itemKinds.${k}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={14} md={5}>
                  <Form.Item name={[field.name, 'plannedAt']} label={t('plan.plannedAt')}>
                    <DatePicker showTime={{ format: 'HH:mm' }} format="MM-DD HH:mm" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={20} md={6}>
                  <Form.Item name={[field.name, 'purpose']} label={t('plan.purpose')}>
                    <Input maxLength={500} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1}>
                  <Form.Item>
                    <Button
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      title={t('common.delete')}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <NewButton type="dashed" block onClick={() => add({ kind: 'visit' })} data-testid="plan-add-item">
            {t('plan.addItem')}
          </NewButton>
        </>
      )}
    </Form.List>
  );
}
