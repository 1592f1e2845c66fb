import { NEGLECT_DAYS } from '@guanxi/contract';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { type ScopeActor, visibleOwnerIds } from '../../platform/scope/data-scope.js';
import type { ActivityPeriod } from './activity-periods.js';

/** `column in (people the actor may see)`; with scope `all`, everyone in the organization. */
export function personInScope(actor: ScopeActor, column: SQL): SQL {
  const ids = visibleOwnerIds(actor);
  return ids === null ? sql`true` : sql`${column} in (${ids})`;
}

/**
 * When a customer (alias `c`) was last followed up by its current owner's clock: the later of the last
 * follow-up and the start of the ownership (the pool reclaim clock, domain §3).
 */
const customerFollowUpClock = sql`greatest(c.last_follow_up_at, coalesce(c.owned_since, c.created_at))`;

export interface CountRow {
  userId: string;
  period: string;
  n: number;
}

export const teamActivityRepository = {
  /** Active users in the actor's scope (the rows of the team tables), by name. */
  async people(db: Executor, actor: ScopeActor): Promise<{ userId: string; userName: string }[]> {
    return queryRows(
      db,
      sql`select u.id as "userId", u.display_name as "userName" from users u
        where u.org_id = ${actor.orgId} and not u.disabled and ${personInScope(actor, sql`u.id`)}
        order by u.display_name limit 500`,
    );
  },

  /** Follow-ups per author and period, in the organization's zone (index on author, time). */
  async followUpCounts(
    db: Executor,
    actor: ScopeActor,
    range: { period: ActivityPeriod; from: string; toExclusive: string; timeZone: string },
  ): Promise<CountRow[]> {
    const { period, from, toExclusive, timeZone } = range;
    return queryRows(
      db,
      sql`select f.author_id as "userId", date_trunc(${period}, f.occurred_at at time zone ${timeZone})::date::text as period, count(*)::int as n
        from follow_ups f
        where f.org_id = ${actor.orgId} and f.deleted_at is null and ${personInScope(actor, sql`f.author_id`)}
          and f.occurred_at >= (${from}::date)::timestamp at time zone ${timeZone}
          and f.occurred_at < (${toExclusive}::date)::timestamp at time zone ${timeZone}
        group by 1, 2`,
    );
  },

  async visitCounts(
    db: Executor,
    actor: ScopeActor,
    range: { period: ActivityPeriod; from: string; toExclusive: string; timeZone: string },
  ): Promise<CountRow[]> {
    const { period, from, toExclusive, timeZone } = range;
    return queryRows(
      db,
      sql`select v.user_id as "userId", date_trunc(${period}, v.checked_in_at at time zone ${timeZone})::date::text as period, count(*)::int as n
        from visits v
        where v.org_id = ${actor.orgId} and ${personInScope(actor, sql`v.user_id`)}
          and v.checked_in_at >= (${from}::date)::timestamp at time zone ${timeZone}
          and v.checked_in_at < (${toExclusive}::date)::timestamp at time zone ${timeZone}
        group by 1, 2`,
    );
  },

  /** Per owner in scope: live customers whose follow-up clock is older than each threshold. */
  async neglectedByOwner(
    db: Executor,
    actor: ScopeActor,
  ): Promise<{ ownerId: string; ownerName: string | null; counts: number[] }[]> {
    const clock = customerFollowUpClock;
    const buckets = NEGLECT_DAYS.map(
      (days) => sql`count(*) filter (where ${clock} < now() - make_interval(days => ${days}))::int`,
    );
    const rows = await queryRows<{ ownerId: string; ownerName: string | null; counts: number[] }>(
      db,
      sql`select c.owner_id as "ownerId", min(u.display_name) as "ownerName", array[${sql.join(buckets, sql`, `)}] as counts
        from customers c left join users u on u.org_id = c.org_id and u.id = c.owner_id
        where c.org_id = ${actor.orgId} and c.deleted_at is null and c.owner_id is not null
          and ${personInScope(actor, sql`c.owner_id`)}
          and ${clock} < now() - make_interval(days => ${NEGLECT_DAYS[0]})
        group by c.owner_id
        order by 2`,
    );
    return rows.map((r) => ({ ...r, counts: r.counts.map(Number) }));
  },
};
