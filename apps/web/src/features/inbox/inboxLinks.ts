import type { InboxItem } from '@guanxi/contract';

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
    default:
      return null;
  }
}
