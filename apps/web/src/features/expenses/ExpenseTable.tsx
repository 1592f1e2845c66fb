import { endpoints, EXPENSE_CATEGORIES, EXPENSE_STATUSES, type Expense } from '@guanxi/contract';
import { PaperClipOutlined } from '@ant-design/icons';
import { DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../platform/money';
import { ExpenseStatusTag } from './expenseDisplay';
import { useExpenses, type ExpenseFilters } from './expenses.queries';
import { LoadMoreButton } from '../../platform/LoadMore';
import { ListTable } from '../../platform/ui/ListTable';
import { ExportButton } from '../../platform/ui/ExportButton';

interface ExpenseTableProps {
  /** "Mine" lists the caller's own; the team tab everyone's in scope with the employee column. */
  mine: boolean;
  onOpen: (expense: Expense) => void;
}

/** Expenses newest spending first, filtered by month, status and category, 50 at a time. */
export function ExpenseTable({ mine, onOpen }: ExpenseTableProps) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [status, setStatus] = useState<Expense['status'] | undefined>();
  const [category, setCategory] = useState<Expense['category'] | undefined>();
  const filters: ExpenseFilters = {
    ...(mine ? { mine: true } : {}),
    ...(month ? { month: month.format('YYYY-MM') } : {}),
    ...(status ? { status } : {}),
    ...(category ? { category } : {}),
  };
  const list = useExpenses(filters);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker picker="month" value={month} onChange={setMonth} placeholder={t('expense.month')} />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('expense.allStatuses')}
          value={status}
          onChange={setStatus}
          options={EXPENSE_STATUSES.map((s) => ({ value: s, label: t(`expense.statuses.${s}`) }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('expense.allCategories')}
          value={category}
          onChange={setCategory}
          options={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: t(`expense.categories.${c}`) }))}
        />
        <ExportButton endpoint={endpoints.expenses.export} query={filters} />
      </Space>
      <ListTable
        loading={list.isLoading}
        pages={list}
        scroll={{ x: 800 }}
        onRow={(record) => ({ onClick: () => onOpen(record), style: { cursor: 'pointer' } })}
        data-testid={mine ? 'expenses-mine' : 'expenses-team'}
        columns={[
          { key: 'spentOn', title: t('expense.spentOn'), dataIndex: 'spentOn', width: 120 },
          ...(mine ? [] : [{ key: 'employee', title: t('expense.employee'), dataIndex: 'employeeName', width: 120 }]),
          {
            key: 'category',
            title: t('expense.category'),
            width: 100,
            render: (_, e) => t(`expense.categories.${e.category}`),
          },
          {
            key: 'amount',
            title: t('expense.amount'),
            align: 'right',
            width: 140,
            render: (_, e) => money(e.amountFen, e.currency),
          },
          {
            key: 'customer',
            title: t('expense.customer'),
            render: (_, e) => e.customerName ?? '—',
          },
          { key: 'description', title: t('expense.description'), dataIndex: 'description', ellipsis: true },
          {
            key: 'receipts',
            title: <PaperClipOutlined aria-label={t('expense.receipts')} />,
            width: 56,
            render: (_, e) => (e.attachmentCount > 0 ? e.attachmentCount : ''),
          },
          {
            key: 'status',
            title: t('expense.status'),
            width: 100,
            render: (_, e) => <ExpenseStatusTag status={e.status} />,
          },
        ]}
      />
      <LoadMoreButton pages={list} inline />
    </Space>
  );
}
