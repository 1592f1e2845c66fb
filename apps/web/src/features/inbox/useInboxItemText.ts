import { PAYMENTS_DUE_SOON_DAYS, STAGES, type InboxItem, type InboxSection, type Stage } from '@guanxi/contract';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../platform/money';
import { todoText } from '../notifications';

const isStage = (value: unknown): value is Stage => STAGES.includes(value as Stage);
const time = (value: string | null) => (value ? dayjs(value).format('MM-DD HH:mm') : null);
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const number = (value: unknown) => (typeof value === 'number' ? value : Number(value) || 0);

/** A section's title in the reader's language (the due-soon window is part of it). */
export function useSectionTitle() {
  const { t } = useTranslation();
  return (key: InboxSection['key']) =>
    key === 'paymentsDueSoon' ? t('inbox.paymentsDueSoon', { days: PAYMENTS_DUE_SOON_DAYS }) : t(`inbox.${key}`);
}

/** An item's title and the line under it: the time that matters, or what the item is about. */
export function useInboxItemText() {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const stage = (value: unknown) => (isStage(value) ? t(`stage.${value}`) : '');
  return (section: InboxSection['key'], item: InboxItem): { title: string; note: string | null } => {
    const p = item.params;
    const report = () =>
      t('inbox.reportItem', {
        kind: t(`report.kinds.${String(p.kind)}` as 'report.kinds.daily'),
        period: String(p.periodStart),
      });
    const installment = () => {
      const date = text(p.dueDate);
      const days = number(p.days);
      const when =
        p.overdue === true
          ? t('inbox.overdueBy', { date, count: days })
          : days === 0
            ? t('inbox.dueToday', { date })
            : t('inbox.dueIn', { date, count: days });
      const what = t('inbox.installmentItem', {
        customerName: text(p.customerName),
        no: text(p.installmentNo),
        amount: money(number(p.unpaidFen), text(p.currency) || undefined),
      });
      return `${what} · ${when}`;
    };
    switch (section) {
      case 'reclaimSoon':
        return { title: item.title, note: t('inbox.daysLeft', { days: Number(p.days) }) };
      case 'approvals':
        // Stage changes show the move; other approvals (orders, expenses …) their business type.
        return {
          title: item.title,
          note:
            p.businessType && p.businessType !== 'stage_transition'
              ? t(`approvalFlow.types.${String(p.businessType)}` as 'approvalFlow.types.expense')
              : t('inbox.stageMove', { from: stage(p.from), to: stage(p.to) }),
        };
      case 'reportsToWrite':
        return { title: report(), note: `${t('report.dueAt')} ${time(item.at) ?? ''}` };
      case 'reportsToReview':
      case 'plansToReview':
        return { title: item.title, note: report() };
      case 'assignedToMe':
        return { title: item.title, note: item.entity === 'lead' ? t('inbox.lead') : time(item.at) };
      case 'ordersToConfirm':
        return {
          title: item.title,
          note: t('inbox.orderItem', {
            customerName: text(p.customerName),
            amount: money(number(p.totalFen), text(p.currency) || undefined),
          }),
        };
      case 'paymentsOverdue':
      case 'paymentsDueSoon':
        return { title: item.title, note: installment() };
      case 'issuesToConfirm':
        return {
          title: item.title,
          note: t('inbox.issueItem', {
            customerName: text(p.customerName),
            warehouseName: text(p.warehouseName),
            count: number(p.lineCount),
          }),
        };
      case 'lowStock':
        return {
          title: `${item.title} (${text(p.productCode)})`,
          note: t('inbox.lowStockItem', {
            warehouseName: text(p.warehouseName),
            available: number(p.available),
            unit: text(p.unit),
            threshold: number(p.threshold),
          }),
        };
      case 'returnVisitsDue':
        return {
          title: item.title,
          note: t('inbox.returnVisitItem', {
            source: p.orderNo
              ? t('returnVisit.sourceOrder', { orderNo: text(p.orderNo) })
              : t(`returnVisit.sources.${text(p.source)}` as 'returnVisit.sources.manual'),
            date: text(p.dueDate),
          }),
        };
      case 'otherTodos':
        return { title: todoText(t, text(p.todoKind), p), note: time(item.at) };
      default:
        return { title: item.title, note: time(item.at) };
    }
  };
}
