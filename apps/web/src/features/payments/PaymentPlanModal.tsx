import { DeleteOutlined } from '@ant-design/icons';
import { fenToYuan, MAX_AMOUNT_FEN, type PaymentPlan, yuanToFen } from '@guanxi/contract';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { currencySymbol, useFormatMoney } from '../../platform/money';
import { usePutPaymentPlan } from './payments.queries';
import { NewButton } from '../../platform/ui/NewButton';

interface InstallmentValues {
  dueDate: Dayjs;
  /** Yuan as typed (string mode: no float); sent as fen. */
  amount: string;
  notes?: string;
}
const MAX_YUAN = fenToYuan(MAX_AMOUNT_FEN);

/** 编辑回款计划: installments that add up to the order total; what was paid is spread again. */
export function PaymentPlanModal({ plan, open, onClose }: { plan: PaymentPlan; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const money = useFormatMoney();
  const [form] = Form.useForm<{ installments: InstallmentValues[] }>();
  const showServerErrors = useServerFieldErrors(form);
  const put = usePutPaymentPlan(plan.orderId);
  const watched = Form.useWatch('installments', form) ?? [];
  const sumFen = watched.reduce((sum, i) => sum + (yuanToFen(String(i?.amount ?? '')) ?? 0), 0);
  const initial: InstallmentValues[] =
    plan.installments.length > 0
      ? plan.installments.map((i) => ({
          dueDate: dayjs(i.dueDate),
          amount: fenToYuan(i.amountFen),
          notes: i.notes ?? undefined,
        }))
      : [{ dueDate: dayjs().add(30, 'day'), amount: fenToYuan(plan.totalFen) }];

  const submit = ({ installments }: { installments: InstallmentValues[] }) => {
    put.mutate(
      {
        version: plan.version,
        installments: installments.map((i) => ({
          dueDate: i.dueDate.format('YYYY-MM-DD'),
          amountFen: yuanToFen(String(i.amount)) ?? 0,
          ...(i.notes ? { notes: i.notes } : {}),
        })),
      },
      { onSuccess: () => (void message.success(t('payment.planSaved')), onClose()), onError: showServerErrors },
    );
  };

  return (
    <Modal
      open={open}
      title={t('payment.editPlan')}
      width={680}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: put.isPending, 'data-testid': 'plan-save' }}
      destroyOnHidden
    >
      <Form form={form} initialValues={{ installments: initial }} onFinish={submit} data-testid="plan-form">
        <Form.List name="installments">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" wrap>
                  <Typography.Text>{t('payment.installmentNo', { no: index + 1 })}</Typography.Text>
                  <Form.Item name={[field.name, 'dueDate']} rules={[{ required: true }]}>
                    <DatePicker placeholder={t('payment.dueDate')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'amount']}
                    rules={[
                      { required: true },
                      {
                        validator: (_, value: string | null | undefined) => {
                          const fen = yuanToFen(String(value ?? ''));
                          return fen !== null && fen > 0
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('payment.amountInvalid')));
                        },
                      },
                    ]}
                  >
                    <InputNumber<string>
                      stringMode
                      min="0"
                      max={MAX_YUAN}
                      precision={2}
                      prefix={currencySymbol(plan.currency, i18n.language)}
                      style={{ width: 180 }}
                      placeholder={t('payment.amount')}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'notes']} rules={[{ max: 500 }]}>
                    <Input placeholder={t('payment.notes')} maxLength={500} style={{ width: 160 }} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  )}
                </Space>
              ))}
              {fields.length < 36 && (
                <NewButton type="dashed" onClick={() => add({ dueDate: dayjs().add(30, 'day') })}>
                  {t('payment.addInstallment')}
                </NewButton>
              )}
              {/* The server names `installments` when the amounts do not add up to the order total. */}
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        <Typography.Paragraph type={sumFen === plan.totalFen ? 'secondary' : 'danger'} style={{ marginTop: 16 }}>
          {t('payment.planSum', { sum: money(sumFen, plan.currency), total: money(plan.totalFen, plan.currency) })}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
