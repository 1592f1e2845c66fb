import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { customers, leads, opportunities, tasks, users } from '../../platform/db/schema/index.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';
import type { Cursor } from '../../platform/pagination.js';
import {
  customerReadScope,
  ownedRecordScope,
  type ScopeActor,
  visibleOwnerIds,
} from '../../platform/scope/data-scope.js';
import { timestamptz } from '../../platform/db/row-values.js';
import { firstRow } from '../../platform/db/row-reads.js';

const t = tasks;
const assignee = alias(users, 'assignee');
const creator = alias(users, 'creator');

/**
 * Tasks within the actor's reach, deleted ones included: assigned to someone in their data scope
 * (themselves, or a manager's subordinates), or created by them. The audit log reads a task's
 * history through it, so a deleted task's history stays with those who saw the task.
 */
export function taskReach(actor: ScopeActor): SQL {
  const owners = visibleOwnerIds(actor);
  const byAssignee = owners === null ? sql`true` : sql`${t.assigneeId} in (${owners})`;
  return sql`(${t.orgId} = ${actor.orgId} and (${byAssignee} or ${t.createdBy} = ${actor.userId}))`;
}

/** Tasks the actor may see and change: the live ones within their reach. */
export function taskScope(actor: ScopeActor): SQL {
  return sql`(${taskReach(actor)} and ${t.deletedAt} is null)`;
}

/** Name of the related record; it was scope-checked when it was linked. */
const relatedName = sql<string | null>`case ${t.relatedType}
  when 'customer' then (select c.name from customers c where c.org_id = ${t.orgId} and c.id = ${t.relatedId})
  when 'lead' then (select l.name from leads l where l.org_id = ${t.orgId} and l.id = ${t.relatedId})
  when 'opportunity' then (select o.name from opportunities o where o.org_id = ${t.orgId} and o.id = ${t.relatedId})
end`;

const columns = {
  orgId: t.orgId,
  id: t.id,
  title: t.title,
  description: t.description,
  dueAt: t.dueAt,
  remindAt: t.remindAt,
  remindedAt: t.remindedAt,
  assigneeId: t.assigneeId,
  assigneeName: assignee.displayName,
  relatedType: t.relatedType,
  relatedId: t.relatedId,
  relatedName,
  status: t.status,
  completedAt: t.completedAt,
  createdBy: t.createdBy,
  createdByName: creator.displayName,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
  version: t.version,
};
export interface TaskRow {
  orgId: string;
  id: string;
  title: string;
  description: string | null;
  dueAt: Date | null;
  remindAt: Date | null;
  remindedAt: Date | null;
  assigneeId: string;
  assigneeName: string;
  relatedType: string | null;
  relatedId: string | null;
  relatedName: string | null;
  status: string;
  completedAt: Date | null;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export type TaskView = 'mine' | 'created' | 'team';
export interface TaskFilters {
  view: TaskView;
  status?: string | undefined;
  due?: 'overdue' | 'today' | 'upcoming' | 'none' | undefined;
  assigneeId?: string | undefined;
  relatedType?: string | undefined;
  relatedId?: string | undefined;
}

/** Stands in for "no due time" in the list's sort key and cursor. */
export const NO_DUE_TIME = '9999-12-31T23:59:59.999Z';

/** All SQL on tasks; every user-facing read and write goes through `taskScope`. */
export const tasksRepository = {
  ...versionedWrites(tasks),

  async getById(db: Executor, actor: ScopeActor, id: string): Promise<TaskRow | null> {
    const rows = await db
      .select(columns)
      .from(t)
      .innerJoin(assignee, and(eq(assignee.orgId, t.orgId), eq(assignee.id, t.assigneeId)))
      .innerJoin(creator, and(eq(creator.orgId, t.orgId), eq(creator.id, t.createdBy)))
      .where(and(taskScope(actor), eq(t.id, id)));
    return (rows[0] as TaskRow | undefined) ?? null;
  },

  async lockById(db: Executor, actor: ScopeActor, id: string) {
    return firstRow(
      db
        .select()
        .from(t)
        .where(and(taskScope(actor), eq(t.id, id)))
        .for('update'),
    );
  },

  /** Newest due first is rarely wanted: open work sorts by due time (no due time last), then id. */
  async findPage(
    db: Executor,
    actor: ScopeActor,
    options: { filters: TaskFilters; now: Date; todayEnd: Date; cursor: Cursor | null; limit: number },
  ): Promise<TaskRow[]> {
    const { filters, cursor } = options;
    const conditions: (SQL | undefined)[] = [taskScope(actor)];
    if (filters.view === 'mine') conditions.push(eq(t.assigneeId, actor.userId));
    if (filters.view === 'created') conditions.push(eq(t.createdBy, actor.userId));
    if (filters.status) conditions.push(eq(t.status, filters.status));
    if (filters.assigneeId) conditions.push(eq(t.assigneeId, filters.assigneeId));
    if (filters.relatedType) conditions.push(eq(t.relatedType, filters.relatedType));
    if (filters.relatedId) conditions.push(eq(t.relatedId, filters.relatedId));
    if (filters.due === 'overdue') conditions.push(sql`${t.dueAt} < ${timestamptz(options.now)}`);
    if (filters.due === 'today')
      conditions.push(sql`${t.dueAt} >= ${timestamptz(options.now)} and ${t.dueAt} < ${timestamptz(options.todayEnd)}`);
    if (filters.due === 'upcoming') conditions.push(sql`${t.dueAt} >= ${timestamptz(options.todayEnd)}`);
    if (filters.due === 'none') conditions.push(sql`${t.dueAt} is null`);
    // Keyset on (due_at, id); tasks without a due time sort last, as at NO_DUE_TIME.
    const dueKey = sql`coalesce(${t.dueAt}, ${NO_DUE_TIME}::timestamptz)`;
    if (cursor) conditions.push(sql`(${dueKey}, ${t.id}) > (${String(cursor.value)}::timestamptz, ${cursor.id}::uuid)`);
    const rows = await db
      .select(columns)
      .from(t)
      .innerJoin(assignee, and(eq(assignee.orgId, t.orgId), eq(assignee.id, t.assigneeId)))
      .innerJoin(creator, and(eq(creator.orgId, t.orgId), eq(creator.id, t.createdBy)))
      .where(and(...conditions))
      .orderBy(asc(dueKey), asc(t.id))
      .limit(options.limit);
    return rows as TaskRow[];
  },

  /** An active user of the organization whose records the actor may see (so may be given tasks). */
  async isAssignable(db: Executor, actor: ScopeActor, userId: string): Promise<boolean> {
    const owners = visibleOwnerIds(actor);
    const inScope = owners === null ? sql`true` : sql`u.id in (${owners})`;
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select u.id from users u where u.org_id = ${actor.orgId} and u.id = ${userId} and not u.disabled and ${inScope}`,
    );
    return rows.length > 0;
  },

  /** The related record exists, is live, and the actor may read it. */
  async isRelatedVisible(db: Executor, actor: ScopeActor, related: { type: string; id: string }): Promise<boolean> {
    let rows: unknown[] = [];
    if (related.type === 'customer') {
      rows = await db
        .select({ id: customers.id })
        .from(customers)
        .where(
          and(customerReadScope(actor, customers), eq(customers.id, related.id), sql`${customers.deletedAt} is null`),
        );
    } else if (related.type === 'lead') {
      rows = await db
        .select({ id: leads.id })
        .from(leads)
        .where(and(ownedRecordScope(actor, leads), eq(leads.id, related.id), sql`${leads.deletedAt} is null`));
    } else if (related.type === 'opportunity') {
      // An opportunity follows its owner's scope, or its customer's for team members.
      rows = await db
        .select({ id: opportunities.id })
        .from(opportunities)
        .innerJoin(customers, and(eq(customers.orgId, opportunities.orgId), eq(customers.id, opportunities.customerId)))
        .where(
          and(
            eq(opportunities.id, related.id),
            sql`${opportunities.deletedAt} is null`,
            sql`(${ownedRecordScope(actor, opportunities)} or ${customerReadScope(actor, customers)})`,
          ),
        );
    }
    return rows.length > 0;
  },

  /** System read of the reminder job: open tasks of every organization whose reminder is due. */
  /** Open tasks whose reminder time has passed, of one organization or (null) of all. */
  async findDueReminders(db: Executor, options: { now: Date; orgId: string | null; limit: number }) {
    return db
      .select({
        orgId: t.orgId,
        id: t.id,
        title: t.title,
        dueAt: t.dueAt,
        remindAt: t.remindAt,
        assigneeId: t.assigneeId,
      })
      .from(t)
      .where(
        sql`${t.remindedAt} is null and ${t.status} = 'open' and ${t.deletedAt} is null and ${t.remindAt} is not null
            and ${t.remindAt} <= ${timestamptz(options.now)} ${options.orgId ? sql`and ${t.orgId} = ${options.orgId}` : sql``}`,
      )
      .orderBy(asc(t.remindAt), asc(t.orgId), asc(t.id))
      .limit(options.limit);
  },

  /** Stamps the reminder as sent unless someone changed it meanwhile; false when it was not due any more. */
  async markReminded(db: Executor, key: { orgId: string; id: string; remindAt: Date; now: Date }): Promise<boolean> {
    const rows = await db
      .update(t)
      .set({ remindedAt: key.now })
      .where(
        and(
          eq(t.orgId, key.orgId),
          eq(t.id, key.id),
          sql`${t.remindedAt} is null`,
          sql`${t.remindAt} = ${timestamptz(key.remindAt)}`,
        ),
      )
      .returning({ id: t.id });
    return rows.length > 0;
  },

  /** The actor's open tasks due before `before`: the inbox's "tasks due" (overdue and today). */
  async findDueForAssignee(db: Executor, actor: ScopeActor, options: { before: Date; limit: number }) {
    const where = and(
      eq(t.orgId, actor.orgId),
      eq(t.assigneeId, actor.userId),
      eq(t.status, 'open'),
      sql`${t.deletedAt} is null and ${t.dueAt} < ${timestamptz(options.before)}`,
    );
    const rows = await db
      .select({ id: t.id, title: t.title, dueAt: t.dueAt, relatedType: t.relatedType, relatedId: t.relatedId })
      .from(t)
      .where(where)
      .orderBy(asc(t.dueAt), desc(t.id))
      .limit(options.limit);
    const total = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(t)
      .where(where);
    return { rows, count: Number(total[0]?.n ?? 0) };
  },
};
