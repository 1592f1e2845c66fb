import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { customerCredit, customers, financeSettings } from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';
import { customerReadScope, type ScopeActor } from '../../platform/scope/data-scope.js';
import { firstRow } from '../../platform/db/row-reads.js';

/** Orders whose amounts count as owed (domain §5: confirmed, unpaid). */
const OWED_STATES = sql`('confirmed', 'shipped', 'completed')`;

/** Σ (total − paid) of a customer's owed orders, as a correlated sub-select on `customers`. */
const outstandingOf = (customerId: SQL | string, orgId: SQL | string) => sql<number>`coalesce((
  select sum(o.total_fen - o.paid_fen) from orders o
   where o.org_id = ${orgId} and o.customer_id = ${customerId} and o.deleted_at is null
     and o.status in ${OWED_STATES}), 0)::bigint`;

/**
 * What is overdue: unpaid amounts of owed orders past confirmed date + term (in the organization's
 * time zone) for orders without a payment plan, plus the unpaid part of plan installments due
 * before today (the plan decides when money is due).
 */
const overdueOf = (key: {
  customerId: SQL | string;
  orgId: SQL | string;
  termDays: SQL;
  today: string;
  timeZone: string;
}) =>
  sql<number>`(coalesce((
  select sum(o.total_fen - o.paid_fen) from orders o
   where o.org_id = ${key.orgId} and o.customer_id = ${key.customerId} and o.deleted_at is null
     and o.status in ${OWED_STATES} and o.total_fen > o.paid_fen
     and not exists (select 1 from payment_plans pp where pp.org_id = o.org_id and pp.order_id = o.id)
     and (o.confirmed_at at time zone ${key.timeZone})::date + ${key.termDays} < ${key.today}::date), 0)
  + coalesce((
  select sum(pp.amount_fen - pp.paid_fen) from payment_plans pp
    join orders o on o.org_id = pp.org_id and o.id = pp.order_id
   where pp.org_id = ${key.orgId} and pp.customer_id = ${key.customerId} and o.deleted_at is null
     and o.status in ${OWED_STATES} and pp.amount_fen > pp.paid_fen and pp.due_date < ${key.today}::date), 0))::bigint`;

export interface CreditFigures {
  limitFen: number | null;
  termDays: number | null;
  currency: string | null;
  version: number;
  outstandingFen: number;
  overdueFen: number;
}

export interface CreditReportRowData {
  customerId: string;
  customerName: string;
  ownerId: string | null;
  ownerName: string | null;
  limitFen: number | null;
  termDays: number | null;
  creditVersion: number | null;
  usedFen: number;
  overdueFen: number;
}

/** SQL of credit limits, outstanding and overdue amounts, and finance settings. */
export const creditRepository = {
  async getCreditRow(db: Executor, orgId: string, customerId: string) {
    return firstRow(
      db
        .select()
        .from(customerCredit)
        .where(and(eq(customerCredit.orgId, orgId), eq(customerCredit.customerId, customerId))),
    );
  },

  /** Locks the credit row so two confirmations of one customer check the limit one after the other. */
  async lockCreditRow(db: Executor, orgId: string, customerId: string) {
    return firstRow(
      db
        .select()
        .from(customerCredit)
        .where(and(eq(customerCredit.orgId, orgId), eq(customerCredit.customerId, customerId)))
        .for('update'),
    );
  },

  async outstandingFen(db: Executor, orgId: string, customerId: string): Promise<number> {
    const rows = await db
      .select({ n: outstandingOf(customerId, orgId) })
      .from(customers)
      .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
    return Number(rows[0]?.n ?? 0);
  },

  async figures(
    db: Executor,
    key: { orgId: string; customerId: string; defaultTermDays: number; today: string; timeZone: string },
  ): Promise<CreditFigures> {
    const credit = await creditRepository.getCreditRow(db, key.orgId, key.customerId);
    const termDays = sql`${credit?.termDays ?? key.defaultTermDays}::int`;
    const rows = await db
      .select({
        outstanding: outstandingOf(key.customerId, key.orgId),
        overdue: overdueOf({ ...key, termDays }),
      })
      .from(customers)
      .where(and(eq(customers.orgId, key.orgId), eq(customers.id, key.customerId)));
    return {
      limitFen: credit?.limitFen ?? null,
      termDays: credit?.termDays ?? null,
      currency: credit?.currency ?? null,
      version: credit?.version ?? 0,
      outstandingFen: Number(rows[0]?.outstanding ?? 0),
      overdueFen: Number(rows[0]?.overdue ?? 0),
    };
  },

  /** Creates the row (expected version 0) or updates it when the version matches; false when stale. */
  async saveCreditRow(
    db: Executor,
    key: { orgId: string; customerId: string; version: number | undefined },
    values: { limitFen: number; termDays: number; updatedBy: string },
  ): Promise<boolean> {
    const existing = await creditRepository.lockCreditRow(db, key.orgId, key.customerId);
    if (!existing) {
      if (key.version !== undefined && key.version !== 0) return false;
      const inserted = await db
        .insert(customerCredit)
        .values({ orgId: key.orgId, customerId: key.customerId, ...values })
        .onConflictDoNothing()
        .returning({ v: customerCredit.version });
      return inserted.length > 0;
    }
    if (key.version !== undefined && key.version !== existing.version) return false;
    await db
      .update(customerCredit)
      .set({ ...values, updatedAt: sql`now()`, version: sql`${customerCredit.version} + 1` })
      .where(and(eq(customerCredit.orgId, key.orgId), eq(customerCredit.customerId, key.customerId)));
    return true;
  },

  /**
   * Customers in the actor's read scope with a limit or something outstanding, by used amount
   * (largest first) or by name; keyset on (used, id) or (name, id). Set-based: the used amounts
   * come from one aggregate over the owed orders, joined with the limits, so only those customers
   * are looked up (not every customer in scope); the overdue amount is computed for the page only.
   */
  async reportPage(
    db: Executor,
    actor: ScopeActor,
    options: {
      q?: string | undefined;
      overOnly: boolean;
      byName: boolean;
      cursor: Cursor | null;
      limit: number;
      defaultTermDays: number;
      today: string;
      timeZone: string;
    },
  ): Promise<CreditReportRowData[]> {
    const conditions: SQL[] = [customerReadScope(actor, customers), isNull(customers.deletedAt)];
    if (options.q) conditions.push(sql`position(lower(${options.q}) in lower(${customers.name})) > 0`);
    if (options.overOnly)
      conditions.push(sql`credit_rows.limit_fen is not null and credit_rows.used_fen > credit_rows.limit_fen`);
    const { cursor } = options;
    if (cursor && options.byName) {
      conditions.push(sql`(${customers.name}, ${customers.id}) > (${String(cursor.value)}, ${cursor.id}::uuid)`);
    } else if (cursor) {
      conditions.push(
        sql`(credit_rows.used_fen, credit_rows.customer_id) < (${Number(cursor.value)}::bigint, ${cursor.id}::uuid)`,
      );
    }
    const order = options.byName
      ? sql`${customers.name} asc, ${customers.id} asc`
      : sql`credit_rows.used_fen desc, credit_rows.customer_id desc`;
    const rows = await queryRows<{
      customerId: string;
      customerName: string;
      ownerId: string | null;
      ownerName: string | null;
      limitFen: string | number | null;
      termDays: number | null;
      creditVersion: number | null;
      usedFen: string | number;
      overdueFen: string | number;
    }>(
      db,
      sql`with owed as (
            select o.customer_id, sum(o.total_fen - o.paid_fen)::bigint as used_fen from orders o
             where o.org_id = ${actor.orgId} and o.deleted_at is null and o.status in ${OWED_STATES}
             group by o.customer_id),
          credit_rows as (
            select coalesce(cc.customer_id, ow.customer_id) as customer_id, cc.limit_fen, cc.term_days,
                   cc.version as credit_version, coalesce(ow.used_fen, 0)::bigint as used_fen
              from (select * from customer_credit where org_id = ${actor.orgId}) cc
              full join owed ow on ow.customer_id = cc.customer_id
             where cc.limit_fen is not null or ow.used_fen > 0)
          select credit_rows.customer_id as "customerId", ${customers.name} as "customerName",
                 ${customers.ownerId} as "ownerId", u.display_name as "ownerName", credit_rows.limit_fen as "limitFen",
                 credit_rows.term_days as "termDays", credit_rows.credit_version as "creditVersion",
                 credit_rows.used_fen as "usedFen",
                 ${overdueOf({
                   customerId: sql`credit_rows.customer_id`,
                   orgId: actor.orgId,
                   termDays: sql`coalesce(credit_rows.term_days, ${options.defaultTermDays}::int)`,
                   today: options.today,
                   timeZone: options.timeZone,
                 })} as "overdueFen"
            from credit_rows
            join ${customers} on ${customers.orgId} = ${actor.orgId} and ${customers.id} = credit_rows.customer_id
            left join users u on u.org_id = ${customers.orgId} and u.id = ${customers.ownerId}
           where ${and(...conditions)}
           order by ${order}
           limit ${options.limit}`,
    );
    return rows.map((r) => ({
      ...r,
      limitFen: r.limitFen === null ? null : Number(r.limitFen),
      termDays: r.termDays === null ? null : Number(r.termDays),
      creditVersion: r.creditVersion === null ? null : Number(r.creditVersion),
      usedFen: Number(r.usedFen),
      overdueFen: Number(r.overdueFen),
    }));
  },

  async getSettings(db: Executor, orgId: string) {
    return firstRow(db.select().from(financeSettings).where(eq(financeSettings.orgId, orgId)));
  },

  /** Creates the row (expected version 0) or updates it when the version matches; false when stale. */
  async saveSettings(
    db: Executor,
    key: { orgId: string; version: number },
    values: Omit<typeof financeSettings.$inferInsert, 'orgId' | 'version' | 'updatedAt'>,
  ): Promise<boolean> {
    if (key.version === 0) {
      const rows = await db
        .insert(financeSettings)
        .values({ orgId: key.orgId, ...values })
        .onConflictDoNothing()
        .returning({ v: financeSettings.version });
      return rows.length > 0;
    }
    const rows = await db
      .update(financeSettings)
      .set({ ...values, updatedAt: sql`now()`, version: sql`${financeSettings.version} + 1` })
      .where(and(eq(financeSettings.orgId, key.orgId), eq(financeSettings.version, key.version)))
      .returning({ v: financeSettings.version });
    return rows.length > 0;
  },
};
