import type { ReportCounts } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { timestamptz } from '../../platform/db/row-values.js';

/**
 * The automatic counts of a report: what one user did in [from, to) — the same period as the
 * calendar days firstDay..lastDay in the organization's time zone. System read of one user's own
 * activity (the author's, whose report it is), so no data scope applies.
 */
export const reportCountsRepository = {
  async countFor(
    db: Executor,
    key: { orgId: string; userId: string; from: Date; to: Date; firstDay: string; lastDay: string },
  ): Promise<ReportCounts> {
    const { orgId, userId, firstDay, lastDay } = key;
    const from = timestamptz(key.from);
    const to = timestamptz(key.to);
    const rows = await queryRows<{
      newCustomers: number;
      followUps: number;
      visits: number;
      stageMoves: number;
      orders: number;
      payments: number;
    }>(
      db,
      sql`select
        -- New customers: created by me, or given to me (claim, assign, transfer) in the period.
        (select count(*)::int from (
           select c.id from customers c
            where c.org_id = ${orgId} and c.created_by = ${userId} and c.created_at >= ${from} and c.created_at < ${to}
           union
           select e.customer_id from ownership_events e
            where e.org_id = ${orgId} and e.to_user_id = ${userId} and e.at >= ${from} and e.at < ${to}
              and e.kind in ('claim', 'assign', 'transfer')
         ) n) as "newCustomers",
        (select count(*)::int from follow_ups f
          where f.org_id = ${orgId} and f.author_id = ${userId} and f.deleted_at is null
            and f.occurred_at >= ${from} and f.occurred_at < ${to}) as "followUps",
        (select count(*)::int from visits v
          where v.org_id = ${orgId} and v.user_id = ${userId} and v.checked_in_at >= ${from} and v.checked_in_at < ${to}) as "visits",
        -- Stage moves of the customers I owned at the time of the move (creation rows excluded).
        (select count(*)::int from stage_transitions t
          where t.org_id = ${orgId} and t.owner_key = ${userId} and t.from_stage is not null
            and t.at >= ${from} and t.at < ${to}) as "stageMoves",
        -- Orders I own that were submitted in the period and still stand (a draft is not an order yet).
        (select count(*)::int from orders o
          where o.org_id = ${orgId} and o.owner_id = ${userId} and o.status not in ('draft', 'cancelled')
            and coalesce(o.submitted_at, o.created_at) >= ${from} and coalesce(o.submitted_at, o.created_at) < ${to}) as "orders",
        -- Payments received on my orders on the period's days (回款 by its receipt date), voided ones left out.
        (select count(*)::int from payments pm
           join orders o on o.org_id = pm.org_id and o.id = pm.order_id
          where pm.org_id = ${orgId} and o.owner_id = ${userId} and pm.voided_at is null
            and pm.received_on >= ${firstDay}::date and pm.received_on <= ${lastDay}::date) as "payments"`,
    );
    const row = rows[0]!;
    return {
      newCustomers: Number(row.newCustomers),
      followUps: Number(row.followUps),
      visits: Number(row.visits),
      stageMoves: Number(row.stageMoves),
      orders: Number(row.orders),
      payments: Number(row.payments),
    };
  },
};
