import { PAYMENT_METHODS, type InstallmentStatus, type PaymentMethod } from '@guanxi/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<InstallmentStatus, string> = {
  pending: 'default',
  partly_paid: 'processing',
  paid: 'success',
  overdue: 'error',
};

export function InstallmentStatusTag({ status }: { status: InstallmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="installment-status">
      {t(`payment.statuses.${status}`)}
    </Tag>
  );
}

/** Payment methods as select options, in the UI language. */
export function useMethodOptions() {
  const { t } = useTranslation();
  return PAYMENT_METHODS.map((m) => ({ value: m, label: t(`payment.methods.${m}`) }));
}

export function useMethodLabel() {
  const { t } = useTranslation();
  return (method: PaymentMethod) => t(`payment.methods.${method}`);
}
