import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import type { ScopeActor } from '../../platform/scope/data-scope.js';
import { visibleCustomerIds } from './snapshot.repository.js';

export interface RfmGroupRow {
  segment: string | null;
  r: number | null;
  f: number | null;
  count: number;
  revenueFen: number;
}

/** RFM (domain §7) on the nightly customer value snapshot: scored by the job, read in scope. */
export const rfmRepository = {
  /**
   * System job, after the snapshot is written: copies each customer's segment onto the customer
   * (the list filter's column) where it changed, and clears it where the customer left the
   * snapshot or has no counted order any more. Set-based; unchanged customers are not written.
   */
  async syncCustomerSegments(db: Executor, orgId: string): Promise<void> {
    await db.execute(
      sql`update customers c set rfm_segment = cv.rfm_segment
            from customer_values cv
           where cv.org_id = ${orgId} and c.org_id = ${orgId} and c.id = cv.customer_id
             and c.rfm_segment is distinct from cv.rfm_segment`,
    );
    await db.execute(
      sql`update customers c set rfm_segment = null
           where c.org_id = ${orgId} and c.rfm_segment is not null
             and not exists (select 1 from customer_values cv where cv.org_id = c.org_id and cv.customer_id = c.id)`,
    );
  },

  /** The organization's average scores (the segments' thresholds); null before any scoring. */
  async averages(db: Executor, orgId: string): Promise<{ r: number; f: number; m: number } | null> {
    const rows = await queryRows<{ r: string | null; f: string | null; m: string | null }>(
      db,
      sql`select round(avg(rfm_r), 2)::text as r, round(avg(rfm_f), 2)::text as f, round(avg(rfm_m), 2)::text as m
            from customer_values where org_id = ${orgId} and rfm_r is not null`,
    );
    const row = rows[0];
    if (!row || row.r === null || row.f === null || row.m === null) return null;
    return { r: Number(row.r), f: Number(row.f), m: Number(row.m) };
  },

  /**
   * Counts and revenue per segment and per R × F cell (one grouping-sets pass) over the scored
   * snapshot rows the caller may see, joined through the visible customer ids as the pyramid's sums.
   */
  async sumBySegmentAndGrid(db: Executor, actor: ScopeActor): Promise<RfmGroupRow[]> {
    const rows = await queryRows<{
      segment: string | null;
      r: number | null;
      f: number | null;
      count: number;
      revenue: string;
    }>(
      db,
      sql`select cv.rfm_segment as segment, cv.rfm_r as r, cv.rfm_f as f, count(*)::int as count,
                 coalesce(sum(cv.revenue_fen), 0)::text as revenue
            from customer_values cv
            join (${visibleCustomerIds(actor)}) v on v.id = cv.customer_id
           where cv.org_id = ${actor.orgId} and cv.rfm_segment is not null
           group by grouping sets ((cv.rfm_segment), (cv.rfm_r, cv.rfm_f))`,
    );
    return rows.map((row) => ({
      segment: row.segment,
      r: row.r === null ? null : Number(row.r),
      f: row.f === null ? null : Number(row.f),
      count: Number(row.count),
      revenueFen: Number(row.revenue),
    }));
  },

  /** One customer's RFM row (the caller checked its scope); null when not scored. */
  async getForCustomer(db: Executor, key: { orgId: string; customerId: string }) {
    const rows = await queryRows<{
      recency_days: number;
      orders_count: number;
      revenue: string;
      r: number;
      f: number;
      m: number;
      segment: string;
    }>(
      db,
      sql`select rfm_recency_days as recency_days, orders_count, revenue_fen::text as revenue,
                 rfm_r as r, rfm_f as f, rfm_m as m, rfm_segment as segment
            from customer_values
           where org_id = ${key.orgId} and customer_id = ${key.customerId} and rfm_segment is not null`,
    );
    const row = rows[0];
    return row
      ? {
          recencyDays: Number(row.recency_days),
          frequency: Number(row.orders_count),
          monetaryFen: Number(row.revenue),
          r: Number(row.r),
          f: Number(row.f),
          m: Number(row.m),
          segment: row.segment,
        }
      : null;
  },
};
