import type { InboxItem, InboxSectionKey } from '@guanxi/contract';

/** Where an inbox item leads: the record it is about. */
export function inboxItemPath(item: InboxItem): string | null {
  switch (item.entity) {
    case 'customer':
      return `/customers/${item.entityId}`;
    case 'lead':
      return `/leads/${item.entityId}`;
    case 'task':
      return `/tasks?open=${item.entityId}`;
    case 'work_report':
      return `/work-reports/${item.entityId}`;
    case 'report_period':
      return `/work-reports/new?kind=${String(item.params.kind)}&period=${String(item.params.periodStart)}`;
    case 'work_plan':
      return `/work-plans/${item.entityId}`;
    case 'stage_transition_request':
      return '/approvals';
    case 'approval_request':
      return `/approvals?open=${item.entityId}`;
    case 'order':
      return `/orders/${item.entityId}`;
    case 'payment_installment':
      return typeof item.params.orderId === 'string' ? `/orders/${item.params.orderId}` : '/payments?tab=plans';
    case 'return_visit':
      return `/return-visits?open=${item.entityId}`;
    case 'stock_level':
      return '/stock?tab=levels&low=1';
    default:
      return null;
  }
}

/** The full list behind a section, where one exists (the inbox shows the first few items). */
export const SECTION_LIST_PATHS: Partial<Record<InboxSectionKey, string>> = {
  tasksDue: '/tasks',
  approvals: '/approvals',
  ordersToConfirm: '/finance/orders-to-confirm',
  paymentsOverdue: '/payments?tab=plans',
  paymentsDueSoon: '/payments?tab=plans',
  issuesToConfirm: '/stock?tab=pending',
  lowStock: '/stock?tab=levels&low=1',
  returnVisitsDue: '/return-visits',
};

/** The inbox, scrolled to one section. */
export const inboxSectionPath = (key: InboxSectionKey) => `/inbox#inbox-${key}`;
