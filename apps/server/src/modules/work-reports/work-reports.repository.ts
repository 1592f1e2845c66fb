import { and, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { users, workPlans, workReports } from '../../platform/db/schema/index.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';
import type { Cursor } from '../../platform/pagination.js';
import { reviewableAuthor, teamAuthor } from './work-review.js';
import type { ScopeActor } from '../../platform/scope/data-scope.js';
import { columnsEqual, firstRow } from '../../platform/db/row-reads.js';

/** A report as read, with whether the reader may review its author (given reports.review). */
export type WorkReportRow = typeof workReports.$inferSelect & { reviewable: boolean };
export type ReportView = 'mine' | 'received' | 'review' | 'team';

const r = workReports;
const columnsFor = (actor: ScopeActor) => ({
  ...getTableColumns(r),
  reviewable: sql<boolean>`${reviewableAuthor(actor, r.authorId)}`,
});

/**
 * Reports the actor may read: their own (drafts included); others' once submitted when addressed
 * to them, in their data scope, or written by a direct report (issue 4 §9: a manager sees the
 * reports of their subordinates only).
 */
export function readableReports(actor: ScopeActor): SQL {
  return sql`(${r.orgId} = ${actor.orgId} and (${r.authorId} = ${actor.userId} or (${r.status} <> 'draft' and (
    ${actor.userId}::uuid = any(${r.recipientIds}) or ${teamAuthor(actor, r.authorId)}))))`;
}

function viewCondition(actor: ScopeActor, view: ReportView): SQL {
  switch (view) {
    case 'mine':
      return sql`${r.authorId} = ${actor.userId}`;
    case 'received':
      return sql`(${r.status} <> 'draft' and ${actor.userId}::uuid = any(${r.recipientIds}))`;
    case 'review':
      return sql`(${r.status} = 'submitted' and ${reviewableAuthor(actor, r.authorId)})`;
    case 'team':
      return sql`(${r.status} <> 'draft' and ${r.authorId} <> ${actor.userId} and ${teamAuthor(actor, r.authorId)})`;
  }
}

/** The list filters of reports and plans; `from` and `to` bound the period's first day. */
export interface PeriodListFilters {
  kind?: string | undefined;
  status?: string | undefined;
  authorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Filters and keyset of the report and plan lists, which sort newest period first, then by id. */
export function periodListConditions(
  table: typeof workReports | typeof workPlans,
  options: { filters: PeriodListFilters; cursor: Cursor | null },
): SQL[] {
  const { filters, cursor } = options;
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(eq(table.kind, filters.kind));
  if (filters.status) conditions.push(eq(table.status, filters.status));
  if (filters.authorId) conditions.push(eq(table.authorId, filters.authorId));
  if (filters.from) conditions.push(sql`${table.periodStart} >= ${filters.from}::date`);
  if (filters.to) conditions.push(sql`${table.periodStart} <= ${filters.to}::date`);
  if (cursor) {
    conditions.push(sql`(${table.periodStart}, ${table.id}) < (${String(cursor.value)}::date, ${cursor.id}::uuid)`);
  }
  return conditions;
}

/** All SQL on work reports; every read goes through `readableReports`. */
export const workReportsRepository = {
  ...versionedWrites(workReports),

  async getById(db: Executor, actor: ScopeActor, id: string): Promise<WorkReportRow | null> {
    return firstRow(
      db
        .select(columnsFor(actor))
        .from(r)
        .where(and(readableReports(actor), eq(r.id, id))),
    );
  },

  async lockById(db: Executor, actor: ScopeActor, id: string): Promise<WorkReportRow | null> {
    return firstRow(
      db
        .select(columnsFor(actor))
        .from(r)
        .where(and(readableReports(actor), eq(r.id, id)))
        .for('update', { of: r }),
    );
  },

  /** The author's own report of a period, if started. */
  async getOwnByPeriod(db: Executor, key: { orgId: string; authorId: string; kind: string; periodStart: string }) {
    const { orgId, authorId, kind, periodStart } = key;
    return firstRow(
      db.select({ id: r.id, status: r.status }).from(r).where(columnsEqual(r, { orgId, authorId, kind, periodStart })),
    );
  },

  async findPage(
    db: Executor,
    actor: ScopeActor,
    options: { view: ReportView; filters: PeriodListFilters; cursor: Cursor | null; limit: number },
  ): Promise<WorkReportRow[]> {
    return db
      .select(columnsFor(actor))
      .from(r)
      .where(and(readableReports(actor), viewCondition(actor, options.view), ...periodListConditions(r, options)))
      .orderBy(desc(r.periodStart), desc(r.id))
      .limit(options.limit);
  },

  /** Submitted reports of others waiting for the actor's review (the review queue's size). */
  async countToReview(db: Executor, actor: ScopeActor): Promise<number> {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${r} where ${r.orgId} = ${actor.orgId} and ${viewCondition(actor, 'review')}`,
    );
    return Number(rows[0]?.n ?? 0);
  },

  async isReviewableAuthor(db: Executor, actor: ScopeActor, authorId: string): Promise<boolean> {
    const author = sql`${authorId}::uuid`;
    const rows = await queryRows<{ ok: boolean }>(db, sql`select ${reviewableAuthor(actor, author)} as ok`);
    return rows[0]?.ok === true;
  },

  async directManagerOf(db: Executor, key: { orgId: string; userId: string }): Promise<string | null> {
    const rows = await db
      .select({ managerId: users.managerId })
      .from(users)
      .where(and(eq(users.orgId, key.orgId), eq(users.id, key.userId)));
    return rows[0]?.managerId ?? null;
  },

  /** Active users of the organization among `ids`. */
  async findActiveUserIds(db: Executor, key: { orgId: string; ids: string[] }): Promise<string[]> {
    if (key.ids.length === 0) return [];
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, key.orgId), inArray(users.id, key.ids), eq(users.disabled, false)));
    return rows.map((u) => u.id);
  },

  async userNames(db: Executor, key: { orgId: string; ids: string[] }): Promise<Map<string, string>> {
    const ids = [...new Set(key.ids)];
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(and(eq(users.orgId, key.orgId), inArray(users.id, ids)));
    return new Map(rows.map((u) => [u.id, u.name]));
  },
};
