import type { Strings } from './catalog';
import type noticeZhCN from './notice.zh-CN';

/** Notification centre and to-dos (en). */
const noticeEn: Strings<typeof noticeZhCN> = {
  notice: {
    bell: 'Notifications',
    title: 'Notifications',
    markRead: 'Mark read',
    markAllRead: 'Mark all read',
    empty: 'No notifications',
    unreadOnly: 'Unread only',
    relationship_decline: 'Customer “{{customerName}}” is in decline: decide whether to win it back or let it go',
    customer_stuck: 'Customer “{{customerName}}” has been in “{{stageName}}” for more than {{days}} days',
    stage_approval_requested:
      '{{requesterName}} asks to move customer “{{customerName}}” from “{{fromName}}” to “{{toName}}”; your approval is needed',
    stage_approval_decided: 'The stage change of “{{customerName}}” (→ “{{toName}}”) was {{decision}}',
    pool_reclaim_reminder: 'Customer “{{customerName}}” returns to the pool in {{days}} days',
    pool_reclaimed: 'Customer “{{customerName}}” was reclaimed into pool “{{poolName}}”',
    return_visit_low_score: 'Return visit: “{{customerName}}” gave only {{score}} of 5 ({{handlerName}})',
    unknown: 'New notification',
    approved: 'approved',
    rejected: 'rejected',
  },
  todo: {
    title: 'To-dos',
    menu: 'My to-dos',
    open: 'Open',
    done: 'Done',
    markDone: 'Done',
    doneOk: 'To-do done',
    item: 'Item',
    customer: 'Customer',
    dueAt: 'Due',
    createdAt: 'Created',
    doneAt: 'Done at',
    relationship_decline: 'Declining customer to decide on: “{{customerName}}” (win back or let go)',
    customer_stuck: 'Stuck customer: “{{customerName}}” ({{stageName}})',
    stage_approval: 'Approve stage change: “{{customerName}}” {{fromName}} → {{toName}}',
    unknown: 'To-do',
    openCustomer: 'Open customer',
  },
};

export default noticeEn;
