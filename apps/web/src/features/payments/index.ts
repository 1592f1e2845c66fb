export { OrderPaymentsSection } from './OrderPaymentsSection';
export { PAYMENT_OVERDUE_KIND, paymentNoticeText } from './paymentNotice';
