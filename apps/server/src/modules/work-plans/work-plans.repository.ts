import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { customers, workPlanItems, workPlans } from '../../platform/db/schema/index.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';
import type { Cursor } from '../../platform/pagination.js';
import { customerReadScope, type ScopeActor } from '../../platform/scope/data-scope.js';
import { periodListConditions, reviewableAuthor, teamAuthor, type PeriodListFilters } from '../work-reports/index.js';
import { timestamptz } from '../../platform/db/row-values.js';
import { columnsEqual, firstRow, hasRow } from '../../platform/db/row-reads.js';

const p = workPlans;
const i = workPlanItems;
export type WorkPlanRow = typeof workPlans.$inferSelect & { reviewable: boolean };
export type PlanView = 'mine' | 'review' | 'team';

/** Plans the actor may read: their own, and others' once submitted when in scope or a direct report's. */
export function readablePlans(actor: ScopeActor): SQL {
  return sql`(${p.orgId} = ${actor.orgId} and (${p.authorId} = ${actor.userId} or (${p.status} <> 'draft' and ${teamAuthor(actor, p.authorId)})))`;
}

function viewCondition(actor: ScopeActor, view: PlanView): SQL {
  if (view === 'mine') return sql`${p.authorId} = ${actor.userId}`;
  if (view === 'review') return sql`(${p.status} = 'submitted' and ${reviewableAuthor(actor, p.authorId)})`;
  return sql`(${p.status} <> 'draft' and ${p.authorId} <> ${actor.userId})`;
}

const columnsFor = (actor: ScopeActor) => ({
  ...getTableColumns(p),
  reviewable: sql<boolean>`${reviewableAuthor(actor, p.authorId)}`,
});

export interface PlanItemRow {
  id: string;
  customerId: string;
  customerName: string;
  kind: string;
  purpose: string;
  plannedAt: Date | null;
}

/** A call or visit that may fulfil a planned item. */
export interface ActivityRow {
  customerId: string;
  kind: string;
  at: Date;
}

/** All SQL on work plans and their items. */
export const workPlansRepository = {
  ...versionedWrites(workPlans),

  async replaceItems(
    db: Executor,
    key: { orgId: string; planId: string },
    items: (typeof workPlanItems.$inferInsert)[],
  ): Promise<void> {
    await db.delete(i).where(and(eq(i.orgId, key.orgId), eq(i.planId, key.planId)));
    if (items.length > 0) await db.insert(i).values(items);
  },

  async getById(db: Executor, actor: ScopeActor, id: string): Promise<WorkPlanRow | null> {
    return firstRow(
      db
        .select(columnsFor(actor))
        .from(p)
        .where(and(readablePlans(actor), eq(p.id, id))),
    );
  },

  async lockById(db: Executor, actor: ScopeActor, id: string): Promise<WorkPlanRow | null> {
    return firstRow(
      db
        .select(columnsFor(actor))
        .from(p)
        .where(and(readablePlans(actor), eq(p.id, id)))
        .for('update', { of: p }),
    );
  },

  async existsForPeriod(
    db: Executor,
    key: { orgId: string; authorId: string; kind: string; periodStart: string },
  ): Promise<boolean> {
    const { orgId, authorId, kind, periodStart } = key;
    return hasRow(db, p, columnsEqual(p, { orgId, authorId, kind, periodStart }));
  },

  async findPage(
    db: Executor,
    actor: ScopeActor,
    options: { view: PlanView; filters: PeriodListFilters; cursor: Cursor | null; limit: number },
  ): Promise<WorkPlanRow[]> {
    return db
      .select(columnsFor(actor))
      .from(p)
      .where(and(readablePlans(actor), viewCondition(actor, options.view), ...periodListConditions(p, options)))
      .orderBy(desc(p.periodStart), desc(p.id))
      .limit(options.limit);
  },

  async countToReview(db: Executor, actor: ScopeActor): Promise<number> {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${p} where ${p.orgId} = ${actor.orgId} and ${viewCondition(actor, 'review')}`,
    );
    return Number(rows[0]?.n ?? 0);
  },

  async findItems(
    db: Executor,
    key: { orgId: string; planIds: string[] },
  ): Promise<(PlanItemRow & { planId: string })[]> {
    if (key.planIds.length === 0) return [];
    return db
      .select({
        planId: i.planId,
        id: i.id,
        customerId: i.customerId,
        customerName: customers.name,
        kind: i.kind,
        purpose: i.purpose,
        plannedAt: i.plannedAt,
      })
      .from(i)
      .innerJoin(customers, and(eq(customers.orgId, i.orgId), eq(customers.id, i.customerId)))
      .where(and(eq(i.orgId, key.orgId), inArray(i.planId, key.planIds)))
      .orderBy(asc(i.planId), asc(i.sortOrder));
  },

  /** Customer ids among `ids` that the actor may read (planning a call needs sight of the customer). */
  async findReadableCustomerIds(db: Executor, actor: ScopeActor, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(customerReadScope(actor, customers), sql`${customers.deletedAt} is null`, inArray(customers.id, ids)));
    return new Set(rows.map((r) => r.id));
  },

  /**
   * The author's calls and visits with the given customers in [from, to): follow-ups of type call
   * or visit, and check-ins — except a check-in's own follow-up, so one visit counts once.
   */
  async findActivities(
    db: Executor,
    key: { orgId: string; authorId: string; customerIds: string[]; from: Date; to: Date },
  ): Promise<ActivityRow[]> {
    if (key.customerIds.length === 0) return [];
    const ids = sql.join(
      key.customerIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const rows = await queryRows<{ customerId: string; kind: string; at: Date | string }>(
      db,
      sql`select f.customer_id as "customerId", f.type as kind, f.occurred_at as at
            from follow_ups f
           where f.org_id = ${key.orgId} and f.author_id = ${key.authorId} and f.deleted_at is null
             and f.type in ('call', 'visit') and f.customer_id in (${ids})
             and f.occurred_at >= ${timestamptz(key.from)} and f.occurred_at < ${timestamptz(key.to)}
             and not exists (select 1 from visits v where v.org_id = f.org_id and v.follow_up_id = f.id)
          union all
          select v.customer_id, 'visit', v.checked_in_at
            from visits v
           where v.org_id = ${key.orgId} and v.user_id = ${key.authorId} and v.customer_id in (${ids})
             and v.checked_in_at >= ${timestamptz(key.from)} and v.checked_in_at < ${timestamptz(key.to)}
          order by 3`,
    );
    return rows.map((r) => ({ ...r, at: new Date(r.at) }));
  },
};
