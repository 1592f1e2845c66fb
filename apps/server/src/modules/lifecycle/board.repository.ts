import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { customers, customerStageCounts } from '../../platform/db/schema/index.js';
import { ownedRecordScope, visibleOwnerIds } from '../../platform/scope/data-scope.js';
import type { ScopeActor } from './transitions.repository.js';

export interface BoardPeriod {
  from: Date;
  to: Date;
}

/** Live customers within the caller's scope; every board query starts from these. */
const visibleCustomers = (actor: ScopeActor): SQL => sql`${ownedRecordScope(actor, customers)} and ${customers.deletedAt} is null`;
const ts = (value: Date) => sql`${value.toISOString()}::timestamptz`;
const toNumber = (value: number | string | null): number | null => (value === null ? null : Number(value));

/** Aggregates of the lifecycle board (bench-friendly: grouped in SQL, scoped like every list). */
export const boardRepository = {
  /** From the counters the customers trigger maintains: cheap at any table size (bench W9). */
  async countByStage(db: Executor, actor: ScopeActor): Promise<Map<string, number>> {
    const owners = visibleOwnerIds(actor);
    const inScope = owners === null ? sql`true` : sql`${customerStageCounts.ownerKey} in (${owners})`;
    const rows = await queryRows<{ stage: string; n: number }>(
      db,
      sql`select ${customerStageCounts.stage} as stage, sum(${customerStageCounts.count})::int as n
            from ${customerStageCounts}
           where ${customerStageCounts.orgId} = ${actor.orgId} and ${inScope}
           group by 1`,
    );
    return new Map(rows.map((r) => [r.stage, Number(r.n)]));
  },

  /**
   * Customers over their stage's expected dwell, per stage and owner. `dwellDays` holds the
   * stages that have a limit.
   */
  async countStuck(db: Executor, actor: ScopeActor, options: { now: Date; dwellDays: Map<string, number> }) {
    if (options.dwellDays.size === 0) return [];
    const cases = sql.join(
      [...options.dwellDays].map(([stage, days]) => sql`when ${stage} then ${days}::int`),
      sql` `,
    );
    return queryRows<{ stage: string; ownerId: string; ownerName: string; n: number }>(
      db,
      sql`select ${customers.stage} as stage, ${customers.ownerId} as "ownerId", u.display_name as "ownerName", count(*)::int as n
            from customers join users u on u.org_id = ${customers.orgId} and u.id = ${customers.ownerId}
           where ${visibleCustomers(actor)}
             and ${customers.stageEnteredAt} < ${ts(options.now)} - make_interval(days => (case ${customers.stage} ${cases} end))
           group by 1, 2, 3`,
    );
  },

  /** Moves during the period (creation counts as entering the first stage), per (from, to). */
  async countMoves(db: Executor, actor: ScopeActor, period: BoardPeriod) {
    const rows = await queryRows<{ from: string | null; to: string; n: number }>(
      db,
      sql`select t.from_stage as "from", t.to_stage as "to", count(*)::int as n
            from stage_transitions t join customers on ${customers.orgId} = t.org_id and ${customers.id} = t.customer_id
           where t.org_id = ${actor.orgId} and ${visibleCustomers(actor)} and t.at >= ${ts(period.from)} and t.at < ${ts(period.to)}
           group by 1, 2`,
    );
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  },

  /** Median and p90 length, in days, of the stays in each stage that ended during the period. */
  async dwellPercentiles(db: Executor, actor: ScopeActor, period: BoardPeriod) {
    const rows = await queryRows<{ stage: string; median: number | string | null; p90: number | string | null }>(
      db,
      sql`with stays as (
            select t.to_stage as stage, t.at as entered,
                   lead(t.at) over (partition by t.customer_id order by t.at, t.id) as left_at
              from stage_transitions t join customers on ${customers.orgId} = t.org_id and ${customers.id} = t.customer_id
             where t.org_id = ${actor.orgId} and ${visibleCustomers(actor)} and t.at < ${ts(period.to)})
          select stage,
                 percentile_cont(0.5) within group (order by extract(epoch from left_at - entered) / 86400) as median,
                 percentile_cont(0.9) within group (order by extract(epoch from left_at - entered) / 86400) as p90
            from stays where left_at >= ${ts(period.from)} and left_at < ${ts(period.to)}
           group by stage`,
    );
    return rows.map((r) => ({ stage: r.stage, median: toNumber(r.median), p90: toNumber(r.p90) }));
  },
};
