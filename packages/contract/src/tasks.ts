import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf } from './common.js';

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export const TaskStatus = Type.Enum(TASK_STATUSES);
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The kinds of record a task may be about; each is checked against the caller's scope. */
export const TASK_RELATED_TYPES = ['customer', 'lead', 'opportunity'] as const;
export const TaskRelatedType = Type.Enum(TASK_RELATED_TYPES);
export type TaskRelatedType = (typeof TASK_RELATED_TYPES)[number];

/** Without an explicit `remindAt`, a task with a due time is reminded this long before it. */
export const TASK_DEFAULT_REMIND_MINUTES = 30;

export const Task = Type.Object({
  id: Id,
  title: Type.String(),
  description: Nullable(Type.String()),
  dueAt: Nullable(Timestamp),
  remindAt: Nullable(Timestamp),
  remindedAt: Nullable(Timestamp),
  assigneeId: Id,
  assigneeName: Type.String(),
  relatedType: Nullable(TaskRelatedType),
  relatedId: Nullable(Id),
  /** Name of the related record when the caller may see it. */
  relatedName: Nullable(Type.String()),
  status: TaskStatus,
  /** Open and past its due time. */
  isOverdue: Type.Boolean(),
  completedAt: Nullable(Timestamp),
  createdBy: Id,
  createdByName: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer(),
});
export type Task = Static<typeof Task>;
export const TaskPage = pageOf(Task);
export type TaskPage = Static<typeof TaskPage>;

/** `mine`: assigned to me; `created`: created by me; `team`: everything my scope shows. */
export const TASK_VIEWS = ['mine', 'created', 'team'] as const;
export const TASK_DUE_FILTERS = ['overdue', 'today', 'upcoming', 'none'] as const;

export const TaskListQuery = Type.Object(
  {
    ...PageQuery,
    view: Type.Optional(Type.Enum(TASK_VIEWS)),
    status: Type.Optional(TaskStatus),
    due: Type.Optional(Type.Enum(TASK_DUE_FILTERS)),
    assigneeId: Type.Optional(Id),
    relatedType: Type.Optional(TaskRelatedType),
    relatedId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type TaskListQuery = Static<typeof TaskListQuery>;

const TaskFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Nullable(Type.String({ maxLength: 5000 })),
  /** A due time in the past is accepted (a task noted after the fact shows as overdue). */
  dueAt: Nullable(Timestamp),
  /** Null: no reminder. Omitted: `TASK_DEFAULT_REMIND_MINUTES` before a future due time. */
  remindAt: Nullable(Timestamp),
  /** Defaults to the caller; others only within the caller's data scope. */
  assigneeId: Id,
  relatedType: Nullable(TaskRelatedType),
  relatedId: Nullable(Id),
};

export const CreateTaskBody = Type.Object(
  {
    title: TaskFields.title,
    description: Type.Optional(TaskFields.description),
    dueAt: Type.Optional(TaskFields.dueAt),
    remindAt: Type.Optional(TaskFields.remindAt),
    assigneeId: Type.Optional(TaskFields.assigneeId),
    relatedType: Type.Optional(TaskFields.relatedType),
    relatedId: Type.Optional(TaskFields.relatedId),
  },
  { additionalProperties: false },
);
export type CreateTaskBody = Static<typeof CreateTaskBody>;

export const UpdateTaskBody = Type.Object(
  {
    version: VersionField,
    title: Type.Optional(TaskFields.title),
    description: Type.Optional(TaskFields.description),
    dueAt: Type.Optional(TaskFields.dueAt),
    remindAt: Type.Optional(TaskFields.remindAt),
    assigneeId: Type.Optional(TaskFields.assigneeId),
    relatedType: Type.Optional(TaskFields.relatedType),
    relatedId: Type.Optional(TaskFields.relatedId),
    status: Type.Optional(TaskStatus),
  },
  { additionalProperties: false },
);
export type UpdateTaskBody = Static<typeof UpdateTaskBody>;
