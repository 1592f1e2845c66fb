import { sql, type SQL } from 'drizzle-orm';

/** Order states whose lines count as sold (domain §5): confirmed and everything after it but cancelled. */
export const COUNTED_ORDER_STATUSES = ['confirmed', 'shipped', 'completed'] as const;

export interface ContributionRange {
  orgId: string;
  currency: string;
  /** Orders count by `confirmed_at` within [fromInstant, toInstant): local midnights in the org's time zone. */
  fromInstant: Date;
  toInstant: Date;
  /** Expenses count by `spent_on` within [fromDate, toDate], calendar dates. */
  fromDate: string;
  toDate: string;
  /** Only this customer (the customer page); all customers otherwise. */
  customerId?: string | undefined;
}

/**
 * One row per customer with counted orders or approved expenses in the range: orders count,
 * revenue Σ line totals, cost Σ quantity × unit cost (the snapshots on the lines), and the approved
 * expenses booked against the customer. Sums are numeric (sum of bigint), so nothing overflows.
 * Shared by the live report, the customer page and the nightly snapshot so all three agree.
 * Columns: customer_id, orders_count, revenue, cost, expenses, last_order_at (the latest counted
 * order's `confirmed_at`; null without orders — RFM's recency).
 */
export function contributionSource(range: ContributionRange): SQL {
  const statuses = sql.join(
    COUNTED_ORDER_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  );
  const orderCustomer = range.customerId ? sql`and o.customer_id = ${range.customerId}` : sql``;
  const expenseCustomer = range.customerId
    ? sql`and e.customer_id = ${range.customerId}`
    : sql`and e.customer_id is not null`;
  return sql`select coalesce(r.customer_id, x.customer_id) as customer_id,
      coalesce(r.orders_count, 0) as orders_count,
      coalesce(r.revenue, 0) as revenue,
      coalesce(r.cost, 0) as cost,
      coalesce(x.expenses, 0) as expenses,
      r.last_order_at
    from (
      select o.customer_id, count(distinct o.id)::int as orders_count,
             coalesce(sum(l.line_total_fen), 0)::numeric as revenue,
             coalesce(sum(l.quantity::bigint * l.unit_cost_fen), 0)::numeric as cost,
             max(o.confirmed_at) as last_order_at
        from orders o
        left join order_lines l on l.org_id = o.org_id and l.order_id = o.id
       where o.org_id = ${range.orgId} and o.deleted_at is null
         and o.status in (${statuses}) and o.currency = ${range.currency}
         and o.confirmed_at >= ${range.fromInstant.toISOString()}::timestamptz
         and o.confirmed_at < ${range.toInstant.toISOString()}::timestamptz
         ${orderCustomer}
       group by o.customer_id
    ) r
    full join (
      select e.customer_id, sum(e.amount_fen)::numeric as expenses
        from expenses e
       where e.org_id = ${range.orgId} and e.deleted_at is null and e.status = 'approved'
         and e.currency = ${range.currency}
         and e.spent_on >= ${range.fromDate}::date and e.spent_on <= ${range.toDate}::date
         ${expenseCustomer}
       group by e.customer_id
    ) x on x.customer_id = r.customer_id`;
}
