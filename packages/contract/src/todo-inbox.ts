import { Type, type Static } from 'typebox';
import { Nullable, Timestamp } from './common.js';

/**
 * Sections of the to-do inbox, in display order. Customers to contact: `contactOverdue` has a next
 * contact time before now, `contactToday` later today (organization time zone).
 */
export const INBOX_SECTIONS = [
  'contactOverdue',
  'contactToday',
  'tasksDue',
  'assignedToMe',
  'approvals',
  'reclaimSoon',
  'stuck',
  'reportsToWrite',
  'reportsToReview',
  'plansToReview',
  // Finance (orders.confirm / payments.create) and the warehouse (stock.issue / stock.record).
  'ordersToConfirm',
  'paymentsOverdue',
  'paymentsDueSoon',
  'issuesToConfirm',
  'lowStock',
  // Customer service (returnVisits.handle): return visits due today or overdue, mine or in the queue.
  'returnVisitsDue',
  // Stored to-dos of other kinds (e.g. a declining relationship), ticked done in the inbox.
  'otherTodos',
] as const;
export const InboxSectionKey = Type.Enum(INBOX_SECTIONS);
export type InboxSectionKey = (typeof INBOX_SECTIONS)[number];

/** Payment installments due within this many days (from today, organization time zone) are "due soon". */
export const PAYMENTS_DUE_SOON_DAYS = 7;

/** Stored to-do kinds that stand for an approval: they close with the decision, never by a tick. */
export const APPROVAL_TODO_KINDS = ['approval', 'stage_approval'] as const;

/**
 * One item: the record it is about (`entity` + `entityId`, e.g. `customer`, `lead`, `task`,
 * `work_report`, `work_plan`, `stage_transition_request`; `report_period` for a report still to
 * write, id `kind:periodStart`), a display title, the time that matters, and kind-specific params.
 * An item about a customer (or a task on one, `params.customerId`) the caller may read carries the
 * number to call when the caller may see phones: `params.tel` (what to dial), `params.phone` (as
 * typed) and `params.contactName` when it is the primary contact's mobile.
 */
export const InboxItem = Type.Object({
  entity: Type.String(),
  entityId: Type.String(),
  title: Type.String(),
  at: Nullable(Timestamp),
  params: Type.Record(Type.String(), Type.Unknown()),
});
export type InboxItem = Static<typeof InboxItem>;

export const InboxSection = Type.Object({
  key: InboxSectionKey,
  /** All matching items; `items` holds the first `limit` of them. */
  count: Type.Integer(),
  items: Type.Array(InboxItem),
});
export type InboxSection = Static<typeof InboxSection>;

export const Inbox = Type.Object({
  generatedAt: Timestamp,
  sections: Type.Array(InboxSection),
});
export type Inbox = Static<typeof Inbox>;

export const InboxQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 5 })) },
  { additionalProperties: false },
);
export type InboxQuery = Static<typeof InboxQuery>;
