import type { TFunction } from 'i18next';

/** Notification kind of the nightly overdue job (server `payments.jobs.ts`). */
export const PAYMENT_OVERDUE_KIND = 'payment_overdue';

/** The text of an overdue-installment notification, from the codes and names the server sends. */
export function paymentNoticeText(t: TFunction, params: Record<string, unknown>): string {
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  return t('payment.overdueNotice', {
    orderNo: text(params.orderNo),
    customerName: text(params.customerName),
    installmentNo: text(params.installmentNo),
    dueDate: text(params.dueDate),
  });
}
