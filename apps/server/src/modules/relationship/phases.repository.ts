import { sql } from 'drizzle-orm';
import type { RelationshipPhase, RelationshipReason } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import type { PurchaseOccasion } from './relationship.rules.js';

export const PHASE_BATCH = 1000;

/** What the phase rule and its alerts need of one customer. */
export interface PhaseSubject {
  id: string;
  name: string;
  ownerId: string | null;
  managerId: string | null;
  stage: string;
  /** The list's copy on the customer row. */
  listedPhase: string | null;
  storedPhase: RelationshipPhase | null;
  storedSince: Date | null;
  expectedRepurchaseDays: number | null;
}

export interface PhaseRow {
  customerId: string;
  phase: RelationshipPhase;
  since: Date;
  reason: RelationshipReason;
}

const toDate = (value: Date | string | null) => (value === null ? null : new Date(value));

/**
 * System-job SQL of the relationship phases: these queries run for a whole organization without a
 * caller's scope, by design (style rule 3's "clearly named system jobs"); single-customer calls come
 * from the order events, inside the order's transaction.
 */
export const phasesRepository = {
  async findOrganizations(db: Executor, only: string | null): Promise<{ id: string; timeZone: string }[]> {
    const where = only ? sql`where id = ${only}` : sql``;
    return queryRows(db, sql`select id, time_zone as "timeZone" from organizations ${where} order by id`);
  },

  /** One keyset batch of live customers (or just `customerId`), with their stored phase and owner's manager. */
  async findSubjects(
    db: Executor,
    options: { orgId: string; afterId?: string | null; customerId?: string },
  ): Promise<PhaseSubject[]> {
    const which = options.customerId
      ? sql`and c.id = ${options.customerId}`
      : options.afterId
        ? sql`and c.id > ${options.afterId}::uuid`
        : sql``;
    const rows = await queryRows<Omit<PhaseSubject, 'storedSince'> & { storedSince: Date | string | null }>(
      db,
      sql`select c.id, c.name, c.owner_id as "ownerId", u.manager_id as "managerId", c.stage,
                 c.relationship_phase as "listedPhase", p.phase as "storedPhase", p.since as "storedSince",
                 p.expected_repurchase_days as "expectedRepurchaseDays"
            from customers c
            left join users u on u.org_id = c.org_id and u.id = c.owner_id
            left join customer_relationship_phases p on p.org_id = c.org_id and p.customer_id = c.id
           where c.org_id = ${options.orgId} and c.deleted_at is null ${which}
           order by c.id limit ${PHASE_BATCH}`,
    );
    return rows.map((r) => ({ ...r, storedSince: toDate(r.storedSince) }));
  },

  /**
   * Purchase occasions per customer: live confirmed orders (the lifecycle's record of them) grouped
   * by calendar day in the org's time zone, with the day's order total.
   */
  async findOccasions(
    db: Executor,
    options: { orgId: string; customerIds: readonly string[]; timeZone: string },
  ): Promise<Map<string, PurchaseOccasion[]>> {
    const byCustomer = new Map<string, PurchaseOccasion[]>();
    if (options.customerIds.length === 0) return byCustomer;
    const rows = await queryRows<{ customerId: string; day: string; amount: string | number }>(
      db,
      sql`select lo.customer_id as "customerId",
                 to_char(lo.confirmed_at at time zone ${options.timeZone}, 'YYYY-MM-DD') as day,
                 coalesce(sum(o.total_fen), 0)::text as amount
            from lifecycle_orders lo
            left join orders o on o.org_id = lo.org_id and o.id = lo.order_id
           where lo.org_id = ${options.orgId} and lo.cancelled_at is null
             and lo.customer_id = any(${`{${options.customerIds.join(',')}}`}::uuid[])
           group by 1, 2 order by 1, 2`,
    );
    for (const r of rows) {
      const list = byCustomer.get(r.customerId) ?? [];
      list.push({ day: r.day, amountFen: Number(r.amount) });
      byCustomer.set(r.customerId, list);
    }
    return byCustomer;
  },

  /** Whether any product category of the org has a repurchase interval (else the next query is skipped). */
  async hasCategoryIntervals(db: Executor, orgId: string): Promise<boolean> {
    const rows = await queryRows(
      db,
      sql`select 1 from product_categories where org_id = ${orgId} and repurchase_days is not null and deleted_at is null limit 1`,
    );
    return rows.length > 0;
  },

  /** The shortest repurchase interval among the categories each customer bought on live orders. */
  async findCategoryIntervals(
    db: Executor,
    options: { orgId: string; customerIds: readonly string[] },
  ): Promise<Map<string, number>> {
    if (options.customerIds.length === 0) return new Map();
    const rows = await queryRows<{ customerId: string; days: number }>(
      db,
      sql`select lo.customer_id as "customerId", min(pc.repurchase_days)::int as days
            from lifecycle_orders lo
            join order_lines l on l.org_id = lo.org_id and l.order_id = lo.order_id
            join products p on p.org_id = l.org_id and p.id = l.product_id
            join product_categories pc on pc.org_id = p.org_id and pc.id = p.category_id
           where lo.org_id = ${options.orgId} and lo.cancelled_at is null
             and lo.customer_id = any(${`{${options.customerIds.join(',')}}`}::uuid[])
             and pc.repurchase_days is not null and pc.deleted_at is null
           group by 1`,
    );
    return new Map(rows.map((r) => [r.customerId, r.days]));
  },

  /** Stores the batch's phases; `since` moves only where the phase changed (the caller decides). */
  async upsertPhases(db: Executor, orgId: string, rows: readonly PhaseRow[], computedAt: Date): Promise<void> {
    if (rows.length === 0) return;
    const json = JSON.stringify(
      rows.map((r) => ({ c: r.customerId, p: r.phase, s: r.since.toISOString(), r: r.reason })),
    );
    await db.execute(
      sql`insert into customer_relationship_phases (org_id, customer_id, phase, computed_at, since, reason)
          select ${orgId}::uuid, v.c, v.p, ${computedAt.toISOString()}::timestamptz, v.s, v.r
            from jsonb_to_recordset(${json}::jsonb) as v(c uuid, p text, s timestamptz, r jsonb)
          on conflict (org_id, customer_id) do update
            set phase = excluded.phase, computed_at = excluded.computed_at, since = excluded.since, reason = excluded.reason`,
    );
  },

  /** The list's copy on the customer rows, for the customers whose phase changed. */
  async updateListedPhases(
    db: Executor,
    orgId: string,
    rows: readonly { customerId: string; phase: RelationshipPhase }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const json = JSON.stringify(rows.map((r) => ({ c: r.customerId, p: r.phase })));
    await db.execute(
      sql`update customers c set relationship_phase = v.p
            from jsonb_to_recordset(${json}::jsonb) as v(c uuid, p text)
           where c.org_id = ${orgId} and c.id = v.c and c.relationship_phase is distinct from v.p`,
    );
  },

  /** Sets the customer's own interval, creating its phase row when it has none yet. */
  async setExpectedInterval(
    db: Executor,
    options: { orgId: string; customerId: string; days: number | null; at: Date },
  ): Promise<void> {
    await db.execute(
      sql`insert into customer_relationship_phases (org_id, customer_id, phase, computed_at, since, expected_repurchase_days)
          values (${options.orgId}, ${options.customerId}, 'exploration', ${options.at.toISOString()}::timestamptz,
                  ${options.at.toISOString()}::timestamptz, ${options.days})
          on conflict (org_id, customer_id) do update set expected_repurchase_days = excluded.expected_repurchase_days`,
    );
  },
};
