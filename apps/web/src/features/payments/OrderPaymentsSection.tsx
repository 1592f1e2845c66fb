import { EditOutlined } from '@ant-design/icons';
import type { Installment, InstallmentStatus, Payment } from '@guanxi/contract';
import { Alert, Button, Card, Descriptions, Space, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { useFormatMoney } from '../../platform/money';
import { InstallmentStatusTag } from './paymentDisplay';
import { PaymentPlanModal } from './PaymentPlanModal';
import { usePaymentPlan, usePayments } from './payments.queries';
import { RecordPaymentDrawer } from './RecordPaymentDrawer';
import { usePaymentColumns } from './usePaymentColumns';
import { VoidPaymentModal } from './VoidPaymentModal';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';

const PAYABLE = ['confirmed', 'shipped', 'completed'];

/** An order's money: totals, its payment plan (editable) and its payments (record, void). */
export function OrderPaymentsSection({ orderId }: { orderId: string }) {
  // The warehouse sees orders but not payments: no section rather than an error.
  const canView = useHasPermission('payments.view');
  return canView ? <PaymentsOfOrder orderId={orderId} /> : null;
}

function PaymentsOfOrder({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const plan = usePaymentPlan(orderId);
  const payments = usePayments({ orderId, includeVoided: true });
  const [isRecordOpen, setRecordOpen] = useState(false);
  const [isPlanOpen, setPlanOpen] = useState(false);
  const [voiding, setVoiding] = useState<Payment | null>(null);
  const canRecord = useHasPermission('payments.create');
  const canVoid = useHasPermission('payments.void');
  const canPlan = useHasPermission('orders.edit');
  const paymentColumns = usePaymentColumns({ withOrder: false, onVoid: canVoid ? setVoiding : undefined });
  const data = plan.data;
  if (plan.isError) return <Alert type="error" showIcon title={plan.error.message} />;
  if (!data) return <Card loading title={t('payment.section')} />;
  const currency = data.currency;
  const installmentColumns: TableColumnsType<Installment> = [
    {
      title: t('payment.installment'),
      dataIndex: 'installmentNo',
      render: (no: number) => t('payment.installmentNo', { no }),
    },
    { title: t('payment.dueDate'), dataIndex: 'dueDate' },
    {
      title: t('payment.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (fen: number) => money(fen, currency),
    },
    { title: t('payment.paid'), dataIndex: 'paidFen', align: 'right', render: (fen: number) => money(fen, currency) },
    {
      title: t('payment.status'),
      dataIndex: 'status',
      render: (s: InstallmentStatus) => <InstallmentStatusTag status={s} />,
    },
    { title: t('payment.notes'), dataIndex: 'notes', render: (n: string | null) => n ?? t('common.empty') },
  ];
  const payable = PAYABLE.includes(data.orderStatus) && data.paidFen < data.totalFen;

  return (
    <Card
      title={t('payment.section')}
      data-testid="order-payments"
      extra={
        <Space>
          {canPlan && data.orderStatus !== 'cancelled' && (
            <Button icon={<EditOutlined />} onClick={() => setPlanOpen(true)} data-testid="plan-edit">
              {t('payment.editPlan')}
            </Button>
          )}
          {canRecord && payable && (
            <NewButton type="primary" onClick={() => setRecordOpen(true)} data-testid="order-payment-new">
              {t('payment.record')}
            </NewButton>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('payment.orderTotal')}>{money(data.totalFen, currency)}</Descriptions.Item>
        <Descriptions.Item label={t('payment.orderPaid')}>{money(data.paidFen, currency)}</Descriptions.Item>
        <Descriptions.Item label={t('payment.orderUnpaid')}>
          <strong data-testid="order-unpaid">{money(data.totalFen - data.paidFen, currency)}</strong>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('payment.plan')}</Typography.Title>
      <ListTable<Installment>
        size="small"
        columns={installmentColumns}
        rows={data.installments}
        onRow={(i) => (i.status === 'overdue' ? { style: { background: '#fff1f0' } } : {})}
        empty={t('payment.noPlan')}
        style={{ marginBottom: 24 }}
        testId="order-plan-table"
      />
      <Typography.Title level={5}>{t('payment.tabPayments')}</Typography.Title>
      <ListTable
        size="small"
        columns={paymentColumns}
        pages={payments}
        scroll={{ x: 800 }}
        empty={t('payment.empty')}
        testId="order-payment-table"
      />
      <RecordPaymentDrawer
        open={isRecordOpen}
        order={{ id: orderId, orderNo: data.orderNo }}
        onClose={() => setRecordOpen(false)}
      />
      {isPlanOpen && <PaymentPlanModal plan={data} open onClose={() => setPlanOpen(false)} />}
      <VoidPaymentModal payment={voiding} onClose={() => setVoiding(null)} />
    </Card>
  );
}
