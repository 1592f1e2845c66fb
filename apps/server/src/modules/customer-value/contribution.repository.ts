import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { customers } from '../../platform/db/schema/index.js';
import { customerReadScope, type ScopeActor } from '../../platform/scope/data-scope.js';
import { contributionSource, type ContributionRange } from './contribution-source.js';

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
 * keeps its place in the whole ranking. Only id and owner are read here: they come from the owner
 * index alone (an index-only scan), where reading the wide customer rows cost a 1M-row heap scan;
 * names are read for the page rows, or for every row only when searching by name.
 */
function rankedInScope(actor: ScopeActor, range: ContributionRange): SQL {
  return sql`with contribution as (${contributionSource(range)}),
    ranked as (
      select v.id, v.owner_id, c.orders_count, c.revenue, c.cost, c.expenses,
             c.revenue - c.cost - c.expenses as profit,
             row_number() over (order by c.revenue - c.cost - c.expenses desc, v.id) as rank
        from contribution c
        join (
          select ${customers.id} as id, ${customers.ownerId} as owner_id from ${customers}
           where ${customers.orgId} = ${actor.orgId} and ${customers.deletedAt} is null
             and ${customerReadScope(actor, customers)}
        ) v on v.id = c.customer_id
    )`;
}

function filtersOf(actor: ScopeActor, filters: ContributionFilters): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filters.ownerId) conditions.push(sql`ranked.owner_id = ${filters.ownerId}`);
  if (filters.q) {
    conditions.push(sql`exists (select 1 from customers n where n.org_id = ${actor.orgId} and n.id = ranked.id
                                  and position(lower(${filters.q}) in lower(n.name)) > 0)`);
  }
  return sql.join(conditions, sql` and `);
}

/** Live profit contribution per customer (domain §5), within the caller's customer scope. */
export const contributionRepository = {
  /**
   * One keyset page by profit desc, id asc (`after` is the last row of the previous page; up to
   * `limit + 1` rows), and the sums over every row matching the filters (the totals row). Both come
   * from one statement so the range's order lines are aggregated once per request, not twice.
   */
  async findPage(
    db: Executor,
    actor: ScopeActor,
    options: {
      range: ContributionRange;
      filters: ContributionFilters;
      after: { profitFen: string; id: string } | null;
      limit: number;
    },
  ): Promise<{ rows: ContributionRow[]; totals: ContributionSums & { customers: number } }> {
    const after = options.after
      ? sql`and (filtered.profit < ${options.after.profitFen}::numeric
              or (filtered.profit = ${options.after.profitFen}::numeric and filtered.id > ${options.after.id}::uuid))`
      : sql``;
    const raws = await queryRows<
      { customers: number; sum_orders: number; sum_revenue: string; sum_cost: string; sum_expenses: string } & Partial<
        RawSums & {
          id: string;
          name: string;
          owner_id: string | null;
          owner_name: string | null;
          profit: string;
          rank: number;
        }
      >
    >(
      db,
      sql`${rankedInScope(actor, options.range)},
        filtered as (select ranked.* from ranked where ${filtersOf(actor, options.filters)}),
        summed as (
          select count(*)::int as customers, coalesce(sum(orders_count), 0)::int as sum_orders,
                 coalesce(sum(revenue), 0)::text as sum_revenue, coalesce(sum(cost), 0)::text as sum_cost,
                 coalesce(sum(expenses), 0)::text as sum_expenses
            from filtered
        )
        select s.*, p.id, n.name, p.owner_id, u.display_name as owner_name, p.orders_count,
               p.revenue::text as revenue, p.cost::text as cost, p.expenses::text as expenses,
               p.profit::text as profit, p.rank::int as rank
          from summed s
          left join lateral (
            select filtered.* from filtered where true ${after}
             order by filtered.profit desc, filtered.id limit ${options.limit + 1}
          ) p on true
          left join customers n on n.org_id = ${actor.orgId} and n.id = p.id
          left join users u on u.org_id = ${actor.orgId} and u.id = p.owner_id
         order by p.profit desc, p.id`,
    );
    const first = raws[0];
    const totals = first
      ? {
          customers: Number(first.customers),
          ...sumsOf({
            orders_count: first.sum_orders,
            revenue: first.sum_revenue,
            cost: first.sum_cost,
            expenses: first.sum_expenses,
          }),
        }
      : { customers: 0, ordersCount: 0, revenueFen: 0, costFen: 0, expensesFen: 0 };
    const rows = raws.flatMap((raw) =>
      raw.id === undefined || raw.id === null
        ? []
        : [
            {
              customerId: raw.id,
              customerName: raw.name ?? '',
              ownerId: raw.owner_id ?? null,
              ownerName: raw.owner_name ?? null,
              ...sumsOf(raw as RawSums),
              profitFen: Number(raw.profit),
              rank: Number(raw.rank),
            },
          ],
    );
    return { rows, totals };
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
