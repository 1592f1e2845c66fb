import { DEFAULT_CURRENCY, EXPENSE_TOTAL_GROUPS, type ExpenseTotalGroup, type ExpenseTotalRow } from '@guanxi/contract';
import { Checkbox, DatePicker, Empty, Segmented, Space, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../platform/money';
import { useExpenseTotals } from './expenses.queries';
import { ListTable } from '../../platform/ui/ListTable';
import { orgToday } from '../../platform/orgToday';

const ExpenseTotalsChart = lazy(() => import('./ExpenseTotalsChart'));

/** A month's expenses inside the caller's scope, per employee, customer or category. */
export function ExpenseTotalsTab() {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const [month, setMonth] = useState<Dayjs>(() => orgToday());
  const [groupBy, setGroupBy] = useState<ExpenseTotalGroup>('employee');
  const [includePending, setIncludePending] = useState(false);
  const totals = useExpenseTotals({
    month: month.format('YYYY-MM'),
    groupBy,
    ...(includePending ? { status: 'all' as const } : {}),
  });

  const labelOf = (row: ExpenseTotalRow) => {
    if (groupBy === 'category') return t(`expense.categories.${row.key as 'other'}`);
    return row.name ?? (groupBy === 'customer' ? t('expense.noCustomer') : '—');
  };
  const rows = totals.data?.rows ?? [];
  // The chart shows the main currency; other currencies stay in the table with their own sums.
  const chartRows = rows.filter((r) => r.currency === DEFAULT_CURRENCY);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker picker="month" allowClear={false} value={month} onChange={(value) => value && setMonth(value)} />
        <Segmented<ExpenseTotalGroup>
          value={groupBy}
          onChange={setGroupBy}
          options={EXPENSE_TOTAL_GROUPS.map((g) => ({ value: g, label: t(`expense.groups.${g}`) }))}
        />
        <Checkbox checked={includePending} onChange={(e) => setIncludePending(e.target.checked)}>
          {t('expense.includePending')}
        </Checkbox>
      </Space>
      {totals.isLoading ? (
        <Spin />
      ) : rows.length === 0 ? (
        <Empty description={t('expense.empty')} />
      ) : (
        <>
          {chartRows.length > 0 && (
            <Suspense fallback={<Spin />}>
              <ExpenseTotalsChart
                bars={chartRows.map((r) => ({ label: labelOf(r), amountFen: r.amountFen }))}
                currency={DEFAULT_CURRENCY}
                seriesName={t('expense.amount')}
              />
            </Suspense>
          )}
          <ListTable<ExpenseTotalRow>
            rowKey={(r) => `${r.key ?? ''}:${r.currency}`}
            rows={rows}
            testId="expense-totals"
            columns={[
              { key: 'name', title: t(`expense.groups.${groupBy}`), render: (_, r) => labelOf(r) },
              { key: 'count', title: t('expense.count'), dataIndex: 'count', align: 'right', width: 100 },
              {
                key: 'amount',
                title: t('expense.amount'),
                align: 'right',
                width: 180,
                render: (_, r) => money(r.amountFen, r.currency),
              },
            ]}
          />
          {totals.data?.totals.map((sum) => (
            <Typography.Text strong key={sum.currency} data-testid="expense-total">
              {t('expense.totalLine', { amount: money(sum.amountFen, sum.currency), count: sum.count })}
            </Typography.Text>
          ))}
        </>
      )}
    </Space>
  );
}
