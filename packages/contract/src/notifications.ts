import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, pageOf } from './common.js';

/**
 * Notification and to-do kinds. The web renders the text from the kind and its params; the
 * server stores no localized text.
 */
export const NOTIFICATION_KINDS = [
  'customer_stuck',
  'stage_approval_requested',
  'stage_approval_decided',
  'pool_reclaim_reminder',
  // Tasks, work reports and plans (issue 4)
  'task_assigned',
  'task_reminder',
  'work_report_submitted',
  'work_report_reviewed',
  'work_plan_submitted',
  'work_plan_reviewed',
  // Return visits (issue 15): the owner hears of an unhappy customer.
  'return_visit_low_score',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number] | (string & {});
export const TODO_KINDS = ['customer_stuck', 'stage_approval'] as const;
export type TodoKind = (typeof TODO_KINDS)[number] | (string & {});

const Params = Type.Record(Type.String(), Type.Unknown());

export const Notification = Type.Object({
  id: Id,
  kind: Type.String(),
  params: Params,
  entity: Type.String(),
  entityId: Type.String(),
  readAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type Notification = Static<typeof Notification>;
export const NotificationPage = pageOf(Notification);
export type NotificationPage = Static<typeof NotificationPage>;
export const NotificationListQuery = Type.Object(
  { ...PageQuery, unread: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type NotificationListQuery = Static<typeof NotificationListQuery>;
export const UnreadCount = Type.Object({ count: Type.Integer() });
export type UnreadCount = Static<typeof UnreadCount>;

export const TODO_STATUSES = ['open', 'done'] as const;
export const TodoStatus = Type.Enum(TODO_STATUSES);
export type TodoStatus = (typeof TODO_STATUSES)[number];

export const Todo = Type.Object({
  id: Id,
  kind: Type.String(),
  params: Params,
  entity: Type.String(),
  entityId: Type.String(),
  dueAt: Nullable(Timestamp),
  doneAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type Todo = Static<typeof Todo>;
export const TodoPage = pageOf(Todo);
export type TodoPage = Static<typeof TodoPage>;
export const TodoListQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(TodoStatus) },
  { additionalProperties: false },
);
export type TodoListQuery = Static<typeof TodoListQuery>;
