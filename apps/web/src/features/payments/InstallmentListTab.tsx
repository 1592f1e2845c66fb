import { INSTALLMENT_STATUSES, type Installment, type InstallmentStatus } from '@guanxi/contract';
import { DatePicker, Select, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatMoney } from '../../platform/money';
import { InstallmentStatusTag } from './paymentDisplay';
import { useInstallments, type InstallmentFilters } from './payments.queries';
import { PagedTable } from '../../platform/ui/PagedTable';

/** Installments of every order in scope, soonest due first; overdue rows stand out. */
export function InstallmentListTab() {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const [filters, setFilters] = useState<InstallmentFilters>({});
  const installments = useInstallments(filters);
  const set = (next: Partial<InstallmentFilters>) => setFilters((current) => ({ ...current, ...next }));
  const columns: TableColumnsType<Installment> = [
    { title: t('payment.dueDate'), dataIndex: 'dueDate', width: 120 },
    {
      title: t('payment.order'),
      dataIndex: 'orderNo',
      render: (no: string, i) => <Link to={`/orders/${i.orderId}`}>{no}</Link>,
    },
    {
      title: t('payment.customer'),
      dataIndex: 'customerName',
      render: (name: string, i) => <Link to={`/customers/${i.customerId}`}>{name}</Link>,
    },
    { title: t('payment.owner'), dataIndex: 'ownerName', render: (n: string | null) => n ?? t('common.empty') },
    {
      title: t('payment.installment'),
      dataIndex: 'installmentNo',
      render: (no: number) => t('payment.installmentNo', { no }),
    },
    {
      title: t('payment.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (fen: number, i) => money(fen, i.currency),
    },
    {
      title: t('payment.paid'),
      dataIndex: 'paidFen',
      align: 'right',
      render: (fen: number, i) => money(fen, i.currency),
    },
    {
      title: t('payment.status'),
      dataIndex: 'status',
      render: (s: InstallmentStatus) => <InstallmentStatusTag status={s} />,
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('payment.status')}
          options={INSTALLMENT_STATUSES.map((s) => ({ value: s, label: t(`payment.statuses.${s}`) }))}
          onChange={(status?: InstallmentStatus) => set({ status })}
          style={{ width: 140 }}
          data-testid="installment-status-filter"
        />
        <DatePicker.RangePicker
          placeholder={[t('payment.dueRange'), t('payment.dueRange')]}
          onChange={(range) =>
            set({ dueFrom: range?.[0]?.format('YYYY-MM-DD'), dueTo: range?.[1]?.format('YYYY-MM-DD') })
          }
        />
      </Space>
      <PagedTable
        pages={installments}
        columns={columns}
        scroll={{ x: 900 }}
        onRow={(i) => (i.status === 'overdue' ? { style: { background: '#fff1f0' } } : {})}
        empty={t('payment.plansEmpty')}
        testId="installment-table"
      />
    </>
  );
}
