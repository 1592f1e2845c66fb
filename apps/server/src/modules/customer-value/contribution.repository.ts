import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { customers } from '../../platform/db/schema/index.js';
import { customerReadScope } from '../../platform/scope/data-scope.js';
import { contributionSource, type ContributionRange } from './contribution-source.js';

export type ScopeActor = Pick<Actor, 'orgId' | 'userId' | 'departmentId' | 'dataScope'>;

/** Money sums as read from SQL: numeric travels as text (exact), parsed once here. */
export interface ContributionSums {
  ordersCount: number;
  revenueFen: number;
  costFen: number;
  expensesFen: number;
}

export interface ContributionRow extends ContributionSums {
  customerId: string;
  customerName: string;
  ownerId: string | null;
  ownerName: string | null;
  profitFen: number;
  rank: number;
}

export interface ContributionFilters {
  ownerId?: string | undefined;
  q?: string | undefined;
}

interface RawSums {
  orders_count: number;
  revenue: string;
  cost: string;
  expenses: string;
}

const sumsOf = (raw: RawSums): ContributionSums => ({
  ordersCount: Number(raw.orders_count),
  revenueFen: Number(raw.revenue),
  costFen: Number(raw.cost),
  expensesFen: Number(raw.expenses),
});

/**
 * The customers the caller may read with their contribution in the range, ranked by profit
 * (desc, then id) within that visible set — before the owner and name filters, so a filtered row
 * keeps its place in the whole ranking.
 */
function rankedInScope(actor: ScopeActor, range: ContributionRange): SQL {
  return sql`with contribution as (${contributionSource(range)}),
    ranked as (
      select ${customers.id} as id, ${customers.name} as name, ${customers.ownerId} as owner_id,
             c.orders_count, c.revenue, c.cost, c.expenses,
             c.revenue - c.cost - c.expenses as profit,
             row_number() over (order by c.revenue - c.cost - c.expenses desc, ${customers.id}) as rank
        from contribution c
        join ${customers} on ${customers.orgId} = ${actor.orgId} and ${customers.id} = c.customer_id
       where ${customers.deletedAt} is null and ${customerReadScope(actor, customers)}
    )`;
}

function filtersOf(filters: ContributionFilters): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filters.ownerId) conditions.push(sql`ranked.owner_id = ${filters.ownerId}`);
  if (filters.q) conditions.push(sql`position(lower(${filters.q}) in lower(ranked.name)) > 0`);
  return sql.join(conditions, sql` and `);
}

/** Live profit contribution per customer (domain §5), within the caller's customer scope. */
export const contributionRepository = {
  /** One keyset page by profit desc, id asc; `after` is the last row of the previous page. */
  async findPage(
    db: Executor,
    actor: ScopeActor,
    options: { range: ContributionRange; filters: ContributionFilters; after: { profitFen: string; id: string } | null; limit: number },
  ): Promise<ContributionRow[]> {
    const after = options.after
      ? sql`and (ranked.profit < ${options.after.profitFen}::numeric
              or (ranked.profit = ${options.after.profitFen}::numeric and ranked.id > ${options.after.id}::uuid))`
      : sql``;
    const rows = await queryRows<RawSums & { id: string; name: string; owner_id: string | null; owner_name: string | null; profit: string; rank: number }>(
      db,
      sql`${rankedInScope(actor, options.range)}
        select ranked.id, ranked.name, ranked.owner_id, u.display_name as owner_name, ranked.orders_count,
               ranked.revenue::text as revenue, ranked.cost::text as cost, ranked.expenses::text as expenses,
               ranked.profit::text as profit, ranked.rank::int as rank
          from ranked
          left join users u on u.org_id = ${actor.orgId} and u.id = ranked.owner_id
         where ${filtersOf(options.filters)} ${after}
         order by ranked.profit desc, ranked.id
         limit ${options.limit + 1}`,
    );
    return rows.map((raw) => ({
      customerId: raw.id,
      customerName: raw.name,
      ownerId: raw.owner_id,
      ownerName: raw.owner_name,
      ...sumsOf(raw),
      profitFen: Number(raw.profit),
      rank: Number(raw.rank),
    }));
  },

  /** Sums over every row matching the filters (the totals row), and how many customers they are. */
  async sumAll(
    db: Executor,
    actor: ScopeActor,
    options: { range: ContributionRange; filters: ContributionFilters },
  ): Promise<ContributionSums & { customers: number }> {
    const rows = await queryRows<RawSums & { customers: number }>(
      db,
      sql`${rankedInScope(actor, options.range)}
        select count(*)::int as customers, coalesce(sum(ranked.orders_count), 0)::int as orders_count,
               coalesce(sum(ranked.revenue), 0)::text as revenue, coalesce(sum(ranked.cost), 0)::text as cost,
               coalesce(sum(ranked.expenses), 0)::text as expenses
          from ranked
         where ${filtersOf(options.filters)}`,
    );
    const raw = rows[0];
    if (!raw) return { customers: 0, ordersCount: 0, revenueFen: 0, costFen: 0, expensesFen: 0 };
    return { customers: Number(raw.customers), ...sumsOf(raw) };
  },

  /** One customer's contribution in the range (zeros when it has none). */
  async sumForCustomer(db: Executor, range: ContributionRange & { customerId: string }): Promise<ContributionSums> {
    const rows = await queryRows<RawSums>(
      db,
      sql`select coalesce(sum(orders_count), 0)::int as orders_count, coalesce(sum(revenue), 0)::text as revenue,
                 coalesce(sum(cost), 0)::text as cost, coalesce(sum(expenses), 0)::text as expenses
            from (${contributionSource(range)}) c`,
    );
    const raw = rows[0];
    return raw ? sumsOf(raw) : { ordersCount: 0, revenueFen: 0, costFen: 0, expensesFen: 0 };
  },

  /** Whether the caller may read the live customer: outside its scope the customer page answers 404. */
  async isCustomerVisible(db: Executor, actor: ScopeActor, customerId: string): Promise<boolean> {
    const rows = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.id, customerId), isNull(customers.deletedAt), customerReadScope(actor, customers)));
    return rows.length > 0;
  },
};
