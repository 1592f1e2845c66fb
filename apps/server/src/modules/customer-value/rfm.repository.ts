import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import type { ScopeActor } from '../../platform/scope/data-scope.js';
import { visibleCustomerIds } from './snapshot.repository.js';

/**
 * A quintile score 1–5 from a rank among `n`: 1 + ⌊5 × (rank − 1) / (n − 1)⌋, capped at 5 — the
 * percent rank in fifths, in integers so no boundary depends on floating point. `rank()` gives
 * tied values the rank of their group's first position, so ties always share one score (never
 * split across two as `ntile` would), and the scores follow positions: with ten distinct values
 * two customers get each score; when most customers bought once, they all score F = 1 and the
 * next scores start where their group ends (a score may then stay empty). One customer scores 1.
 */
const quintile = (rank: string) =>
  sql`least(5, 1 + (5 * (${sql.identifier(rank)} - 1)) / greatest(n - 1, 1))::smallint`;

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
   * System job, after the snapshot of the period is written: scores every snapshot row with
   * counted orders (R by recency — more recent scores higher —, F by orders, M by revenue; see
   * `quintile`) and names its segment by comparing each score with the organization's average
   * score (strictly above = high). Rows ranked by expenses alone get no RFM. Then copies the
   * segment onto the customers whose segment changed (the list filter's column). Set-based.
   */
  async scoreOrganization(db: Executor, options: { orgId: string; periodEnd: string; timeZone: string }) {
    const { orgId, periodEnd, timeZone } = options;
    await db.execute(
      sql`update customer_values set rfm_recency_days = null, rfm_r = null, rfm_f = null, rfm_m = null, rfm_segment = null
           where org_id = ${orgId} and orders_count = 0 and rfm_segment is not null`,
    );
    await db.execute(
      sql`with base as (
            select customer_id, revenue_fen, orders_count,
                   (${periodEnd}::date + 1) - (last_order_at at time zone ${timeZone})::date as recency_days
              from customer_values
             where org_id = ${orgId} and orders_count > 0 and last_order_at is not null
          ),
          ranked as (
            select b.*, count(*) over () as n,
                   rank() over (order by recency_days desc) as r_rank,
                   rank() over (order by orders_count) as f_rank,
                   rank() over (order by revenue_fen) as m_rank
              from base b
          ),
          scored as (
            select customer_id, recency_days, ${quintile('r_rank')} as r, ${quintile('f_rank')} as f,
                   ${quintile('m_rank')} as m
              from ranked
          ),
          judged as (
            select s.*, avg(s.r) over () as avg_r, avg(s.f) over () as avg_f, avg(s.m) over () as avg_m from scored s
          )
          update customer_values cv
             set rfm_recency_days = j.recency_days, rfm_r = j.r, rfm_f = j.f, rfm_m = j.m,
                 rfm_segment = case when j.m > j.avg_m then 'important_' else 'general_' end
                   || case when j.r > j.avg_r and j.f > j.avg_f then 'value'
                           when j.f > j.avg_f then 'retain'
                           when j.r > j.avg_r then 'develop'
                           else 'winback' end
            from judged j
           where cv.org_id = ${orgId} and cv.customer_id = j.customer_id`,
    );
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
