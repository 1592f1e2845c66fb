import type { ExpenseStatus } from '@guanxi/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<ExpenseStatus, string> = {
  draft: 'default',
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
};

export function ExpenseStatusTag({ status }: { status: ExpenseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="expense-status">
      {t(`expense.statuses.${status}`)}
    </Tag>
  );
}

/** Drafts and rejected expenses are still the employee's to change; pending and approved are not. */
export const isEditable = (status: ExpenseStatus) => status === 'draft' || status === 'rejected';
