import { sql, type SQL } from 'drizzle-orm';

/**
 * A quintile score 1–5 from a rank among `n`: 1 + ⌊5 × (rank − 1) / (n − 1)⌋, capped at 5 — the
 * percent rank in fifths, in integers so no boundary depends on floating point. `rank()` gives
 * tied values the rank of their group's first position, so ties always share one score (never
 * split across two as `ntile` would), and the scores follow positions: with ten distinct values
 * two customers get each score; when most customers bought once, they all score F = 1 and the
 * next scores start where their group ends (a score may then stay empty). One customer scores 1.
 */
const quintile = (rank: string) =>
  sql`case when x.orders_count > 0
           then least(5, 1 + (5 * (${sql.identifier(rank)} - 1)) / greatest(x.scored_count - 1, 1))::smallint end`;

/**
 * The RFM CTEs (domain §7) over the snapshot's `ranked` rows, ending in `rfm`: every ranked column
 * plus rfm_recency_days, rfm_r, rfm_f, rfm_m and rfm_segment — all null for a customer without a
 * counted order in the period (ranked by expenses alone). Scored among the customers with orders:
 * R by the days from the last order's local date to the day after the period (fewer days, higher
 * score), F by orders, M by revenue (Σ line totals). The segment compares each **score** with the
 * organization's **average score** (strictly above = high): M high → important, else general;
 * R and F high → value, F only → retain, R only → develop, neither → win-back.
 */
export function rfmScoredRows(options: { periodEnd: string; timeZone: string }): SQL {
  const scored = sql`(v.orders_count > 0)`;
  return sql`rfm_ranked as (
      select v.*, count(*) filter (where v.orders_count > 0) over () as scored_count,
             rank() over (partition by ${scored} order by v.recency_days desc) as r_rank,
             rank() over (partition by ${scored} order by v.orders_count) as f_rank,
             rank() over (partition by ${scored} order by v.revenue) as m_rank
        from (select r.*, case when r.orders_count > 0
                               then (${options.periodEnd}::date + 1) - (r.last_order_at at time zone ${options.timeZone})::date
                          end as recency_days
                from ranked r) v
    ),
    rfm_scored as (
      select x.*, ${quintile('r_rank')} as rfm_r, ${quintile('f_rank')} as rfm_f, ${quintile('m_rank')} as rfm_m
        from rfm_ranked x
    ),
    rfm as (
      select s.*, s.recency_days as rfm_recency_days,
             case when s.rfm_r is null then null
                  else case when s.rfm_m > avg(s.rfm_m) over () then 'important_' else 'general_' end
                    || case when s.rfm_r > avg(s.rfm_r) over () and s.rfm_f > avg(s.rfm_f) over () then 'value'
                            when s.rfm_f > avg(s.rfm_f) over () then 'retain'
                            when s.rfm_r > avg(s.rfm_r) over () then 'develop'
                            else 'winback' end
             end as rfm_segment
        from rfm_scored s
    )`;
}
