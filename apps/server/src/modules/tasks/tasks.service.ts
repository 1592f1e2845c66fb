import {
  TASK_DEFAULT_REMIND_MINUTES,
  type CreateTaskBody,
  type Task,
  type TaskListQuery,
  type TaskPage,
  type TaskRelatedType,
  type TaskStatus,
  type UpdateTaskBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { notifyUsers } from '../notifications/index.js';
import { NO_DUE_TIME, tasksRepository as repo, type TaskRow } from './tasks.repository.js';
import { addDays, localDateOf, orgTimeZone, startOfDate } from '../../platform/time/index.js';
import { iso } from '../../platform/db/row-values.js';

const MINUTE_MS = 60_000;
const toDate = (value: string | null | undefined): Date | null | undefined =>
  value === undefined ? undefined : value === null ? null : new Date(value);

function toTask(row: TaskRow, now: Date): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    dueAt: iso(row.dueAt),
    remindAt: iso(row.remindAt),
    remindedAt: iso(row.remindedAt),
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    relatedType: row.relatedType as TaskRelatedType | null,
    relatedId: row.relatedId,
    relatedName: row.relatedName,
    status: row.status as TaskStatus,
    isOverdue: row.status === 'open' && row.dueAt !== null && new Date(row.dueAt).getTime() < now.getTime(),
    completedAt: iso(row.completedAt),
    createdBy: row.createdBy,
    createdByName: row.createdByName,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    version: row.version,
  };
}

/** Without an explicit reminder, a future due time is reminded `TASK_DEFAULT_REMIND_MINUTES` before. */
function defaultRemindAt(dueAt: Date | null, now: Date): Date | null {
  if (dueAt === null) return null;
  const at = new Date(dueAt.getTime() - TASK_DEFAULT_REMIND_MINUTES * MINUTE_MS);
  return at.getTime() > now.getTime() ? at : null;
}

function assertReminderBeforeDue(remindAt: Date | null, dueAt: Date | null) {
  if (remindAt !== null && dueAt !== null && remindAt.getTime() > dueAt.getTime()) {
    throw invalidField('remindAt', 'validation.afterDue');
  }
}

/** Tasks and their reminders (issue 4 §3). */
export function createTasksService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  async function assertAssignable(executor: Executor, actor: Actor, assigneeId: string) {
    if (assigneeId === actor.userId) return;
    if (!(await repo.isAssignable(executor, actor, assigneeId)))
      throw invalidField('assigneeId', 'validation.notInScope');
  }

  async function assertRelated(executor: Executor, actor: Actor, type: string | null, id: string | null) {
    if ((type === null) !== (id === null))
      throw invalidField(type === null ? 'relatedType' : 'relatedId', 'validation.required');
    if (type !== null && id !== null && !(await repo.isRelatedVisible(executor, actor, { type, id }))) {
      throw invalidField('relatedId', 'validation.notVisible');
    }
  }

  async function read(executor: Executor, actor: Actor, id: string): Promise<Task> {
    const row = await repo.getById(executor, actor, id);
    if (!row) throw notFound('entity.task');
    return toTask(row, clock());
  }

  async function notifyAssignee(
    executor: Executor,
    actor: Actor,
    task: { id: string; title: string; assigneeId: string; dueAt: Date | null },
  ) {
    if (task.assigneeId === actor.userId) return;
    await notifyUsers(executor, {
      orgId: actor.orgId,
      userIds: [task.assigneeId],
      kind: 'task_assigned',
      params: { title: task.title, assignedBy: actor.displayName, dueAt: iso(task.dueAt) },
      entity: 'task',
      entityId: task.id,
    });
  }

  return {
    async list(actor: Actor, query: TaskListQuery): Promise<TaskPage> {
      const now = clock();
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'timestamp');
      const timeZone = await orgTimeZone(db, actor.orgId);
      const todayEnd = startOfDate(addDays(localDateOf(now, timeZone), 1), timeZone);
      const rows = await repo.findPage(db, actor, {
        filters: { ...query, view: query.view ?? 'mine' },
        now,
        todayEnd,
        cursor,
        limit: limit + 1,
      });
      const page = keysetPage(rows, {
        limit,
        sortValueOf: (row) => (row.dueAt ? new Date(row.dueAt).toISOString() : NO_DUE_TIME),
      });
      return { items: page.rows.map((row) => toTask(row, now)), nextCursor: page.nextCursor };
    },

    get: (actor: Actor, id: string) => read(db, actor, id),

    async create(actor: Actor, body: CreateTaskBody): Promise<Task> {
      const now = clock();
      const id = newId();
      const dueAt = toDate(body.dueAt) ?? null;
      const remindAt = body.remindAt === undefined ? defaultRemindAt(dueAt, now) : toDate(body.remindAt)!;
      assertReminderBeforeDue(remindAt, dueAt);
      const assigneeId = body.assigneeId ?? actor.userId;
      return db.transaction(async (tx) => {
        await assertAssignable(tx, actor, assigneeId);
        await assertRelated(tx, actor, body.relatedType ?? null, body.relatedId ?? null);
        const values = {
          orgId: actor.orgId,
          id,
          title: body.title.trim(),
          description: body.description?.trim() || null,
          dueAt,
          remindAt,
          assigneeId,
          relatedType: body.relatedType ?? null,
          relatedId: body.relatedId ?? null,
          createdBy: actor.userId,
        };
        if (values.title === '') throw invalidField('title', 'validation.required');
        await repo.insert(tx, values);
        await recordAudit(tx, actor, { action: 'create', entity: 'task', entityId: id, after: values });
        await notifyAssignee(tx, actor, values);
        return read(tx, actor, id);
      });
    },

    async update(actor: Actor, id: string, body: UpdateTaskBody): Promise<Task> {
      const now = clock();
      const { version, ...input } = body;
      return db.transaction(async (tx) => {
        const before = await repo.lockById(tx, actor, id);
        if (!before) throw notFound('entity.task');
        if (before.version !== version) throw staleVersion();
        const changes: Record<string, unknown> = {};
        if (input.title !== undefined) {
          changes.title = input.title.trim();
          if (changes.title === '') throw invalidField('title', 'validation.required');
        }
        if (input.description !== undefined) changes.description = input.description?.trim() || null;
        const dueAt = input.dueAt === undefined ? before.dueAt : toDate(input.dueAt)!;
        if (input.dueAt !== undefined) changes.dueAt = dueAt;
        let remindAt = before.remindAt;
        if (input.remindAt !== undefined) remindAt = toDate(input.remindAt)!;
        else if (input.dueAt !== undefined) remindAt = defaultRemindAt(dueAt, now);
        assertReminderBeforeDue(remindAt, dueAt);
        if ((remindAt?.getTime() ?? null) !== (before.remindAt?.getTime() ?? null)) {
          // A new reminder time is a new reminder.
          changes.remindAt = remindAt;
          changes.remindedAt = null;
        }
        if (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId) {
          await assertAssignable(tx, actor, input.assigneeId);
          changes.assigneeId = input.assigneeId;
        }
        if (input.relatedType !== undefined || input.relatedId !== undefined) {
          const type = input.relatedType === undefined ? before.relatedType : input.relatedType;
          const relatedId = input.relatedId === undefined ? before.relatedId : input.relatedId;
          await assertRelated(tx, actor, type, relatedId);
          Object.assign(changes, { relatedType: type, relatedId });
        }
        if (input.status !== undefined && input.status !== before.status) {
          Object.assign(changes, {
            status: input.status,
            completedAt: input.status === 'done' ? now : null,
            completedBy: input.status === 'done' ? actor.userId : null,
          });
        }
        if (!(await repo.update(tx, { orgId: actor.orgId, id, version }, changes))) throw staleVersion();
        await recordAudit(tx, actor, { action: 'update', entity: 'task', entityId: id, before, after: changes });
        if (changes.assigneeId) {
          await notifyAssignee(tx, actor, {
            id,
            title: (changes.title as string) ?? before.title,
            assigneeId: changes.assigneeId as string,
            dueAt,
          });
        }
        return read(tx, actor, id);
      });
    },

    /** Marks the task done (again: no change). */
    async complete(actor: Actor, id: string): Promise<Task> {
      const now = clock();
      return db.transaction(async (tx) => {
        const before = await repo.lockById(tx, actor, id);
        if (!before) throw notFound('entity.task');
        if (before.status !== 'done') {
          const changes = { status: 'done', completedAt: now, completedBy: actor.userId };
          await repo.update(tx, { orgId: actor.orgId, id, version: before.version }, changes);
          await recordAudit(tx, actor, {
            action: 'complete',
            entity: 'task',
            entityId: id,
            before: { status: before.status },
            after: changes,
          });
        }
        return read(tx, actor, id);
      });
    },

    /** Soft delete. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await repo.lockById(tx, actor, id);
        if (!before) throw notFound('entity.task');
        await repo.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          { deletedAt: clock(), deletedBy: actor.userId },
        );
        await recordAudit(tx, actor, { action: 'delete', entity: 'task', entityId: id, before: { deletedAt: null } });
      });
    },
  };
}
