import { type OrderSummary, type PaymentMethod } from '@guanxi/contract';
import { DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { yuanToFen } from '@guanxi/contract';
import { positiveYuanRule, useFormatMoney } from '../../platform/money';
import { useMethodOptions } from './paymentDisplay';
import { useOrderSearch, usePaymentPlan, useRecordPayment } from './payments.queries';
import { MoneyInput } from '../../platform/ui/MoneyInput';
import { SaveCancelActions } from '../../platform/ui/FormActions';
import { FormDrawer } from '../../platform/ui/FormDrawer';

/** The order a payment is for, when the drawer opens from the order itself. */
export interface PayableOrderRef {
  id: string;
  orderNo: string;
}

interface RecordPaymentDrawerProps {
  open: boolean;
  order?: PayableOrderRef;
  onClose: () => void;
}

/** The API names the amount `amountFen`; its errors belong next to the yuan input. */
const SERVER_FIELD_ALIASES = { amountFen: 'amount' } as const;

interface FormValues {
  orderId: string;
  /** Yuan as typed (string mode: no float); sent as fen. */
  amount: string;
  method: PaymentMethod;
  receivedOn: Dayjs;
  planId?: string;
  reference?: string;
  notes?: string;
}

/** 登记回款: a payment against a confirmed order, optionally against one installment of its plan. */
export function RecordPaymentDrawer({ open, order, onClose }: RecordPaymentDrawerProps) {
  const { t } = useTranslation();
  return (
    <FormDrawer open={open} onClose={onClose} title={t('payment.record')} size={480}>
      <FormPanel order={order} onClose={onClose} />
    </FormDrawer>
  );
}

function OrderSelect({ value, onChange }: { value?: string; onChange?: (id: string, order?: OrderSummary) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const orders = useOrderSearch(q);
  const money = useFormatMoney();
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      placeholder={t('payment.orderSearch')}
      loading={orders.isFetching}
      onChange={(id: string) =>
        onChange?.(
          id,
          orders.data?.find((o) => o.id === id),
        )
      }
      options={(orders.data ?? []).map((o) => ({
        value: o.id,
        label: `${o.orderNo} · ${o.customerName} · ${t('payment.unpaid', { amount: money(o.totalFen - o.paidFen, o.currency) })}`,
      }))}
      data-testid="payment-order"
    />
  );
}

function FormPanel({ order, onClose }: Omit<RecordPaymentDrawerProps, 'open'>) {
  const { t, message, form, showServerErrors } = useEditForm<FormValues>(SERVER_FIELD_ALIASES);
  const record = useRecordPayment();
  const methodOptions = useMethodOptions();
  const money = useFormatMoney();
  const orderId = Form.useWatch('orderId', form) ?? order?.id;
  const plan = usePaymentPlan(orderId);
  const currency = plan.data?.currency ?? 'CNY';
  const openInstallments = (plan.data?.installments ?? []).filter((i) => i.status !== 'paid');

  const submit = (values: FormValues) => {
    const amountFen = yuanToFen(String(values.amount));
    if (amountFen === null) return;
    record.mutate(
      {
        orderId: order?.id ?? values.orderId,
        amountFen,
        method: values.method,
        receivedOn: values.receivedOn.format('YYYY-MM-DD'),
        planId: values.planId ?? null,
        ...(values.reference ? { reference: values.reference } : {}),
        ...(values.notes ? { notes: values.notes } : {}),
      },
      { onSuccess: () => (void message.success(t('payment.recorded')), onClose()), onError: showServerErrors },
    );
  };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{ orderId: order?.id, method: 'bank_transfer', receivedOn: dayjs() }}
      onFinish={submit}
      data-testid="payment-form"
    >
      {order ? (
        <Form.Item label={t('payment.order')}>
          <Input disabled value={order.orderNo} />
        </Form.Item>
      ) : (
        <Form.Item name="orderId" label={t('payment.order')} rules={[{ required: true }]}>
          <OrderSelect />
        </Form.Item>
      )}
      {plan.data && (
        <Typography.Paragraph type="secondary">
          {t('payment.orderTotal')} {money(plan.data.totalFen, currency)} · {t('payment.orderUnpaid')}{' '}
          {money(plan.data.totalFen - plan.data.paidFen, currency)}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="amount"
        label={t('payment.amount')}
        rules={[{ required: true }, positiveYuanRule(t('payment.amountInvalid'))]}
      >
        <MoneyInput currency={currency} data-testid="payment-amount" />
      </Form.Item>
      <Form.Item name="method" label={t('payment.method')} rules={[{ required: true }]}>
        <Select options={methodOptions} data-testid="payment-method" />
      </Form.Item>
      <Form.Item name="receivedOn" label={t('payment.receivedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      {openInstallments.length > 0 && (
        <Form.Item name="planId" label={t('payment.installment')}>
          <Select
            allowClear
            placeholder={t('payment.installmentAuto')}
            options={openInstallments.map((i) => ({
              value: i.id,
              label: `${t('payment.installmentNo', { no: i.installmentNo })} · ${i.dueDate} · ${money(i.amountFen - i.paidFen, currency)}`,
            }))}
          />
        </Form.Item>
      )}
      <Form.Item name="reference" label={t('payment.reference')} rules={[{ max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="notes" label={t('payment.notes')} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <SaveCancelActions saving={record.isPending} testId="payment-submit" onCancel={onClose} />
    </Form>
  );
}
