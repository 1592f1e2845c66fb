import { and, asc, eq, inArray, isNotNull, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { customers, organizations, users } from '../../platform/db/schema/index.js';
import { ownershipColumns, type OwnershipRow } from './ownership.repository.js';
import type { PoolRow } from './pools.repository.js';
import { noFollowUpThresholds, WON_STAGES } from './reclaim-rules.js';
import { DAY_MS } from '../../platform/time/index.js';

const before = (now: Date, days: number): SQL =>
  sql`${new Date(now.getTime() - days * DAY_MS).toISOString()}::timestamptz`;

/**
 * A SQL filter for owned customers that may be within `marginDays` of their reclaim under the
 * pool's rules: per distinct "no follow-up" threshold, the levels it applies to and the reclaim
 * clock, so a short override for one level (D: 5 days) does not make every customer a candidate;
 * `daysUntilReclaim` makes the exact decision on each candidate.
 */
function mayBeDue(pool: PoolRow, now: Date, marginDays: number): SQL | undefined {
  const { rules } = pool;
  const ownedSince = sql`coalesce(${customers.ownedSince}, ${customers.createdAt})`;
  const clock = sql`greatest(${ownedSince}, ${customers.lastFollowUpAt})`;
  const conditions: SQL[] = [];
  for (const group of noFollowUpThresholds(rules)) {
    const levels = group.otherLevels
      ? group.tiers.length > 0
        ? or(isNull(customers.tier), notInArray(customers.tier, group.tiers))
        : undefined
      : inArray(customers.tier, group.tiers);
    conditions.push(and(levels, sql`${clock} <= ${before(now, group.days - marginDays)}`)!);
  }
  if (rules.notWonDays !== null) {
    conditions.push(
      sql`(${ownedSince} <= ${before(now, rules.notWonDays - marginDays)} and ${notInArray(customers.stage, [...WON_STAGES])})`,
    );
  }
  if (conditions.length === 0) return undefined;
  return or(...conditions);
}

/** System queries of the nightly pool jobs: they read every owner's customers of one organization. */
export const reclaimRepository = {
  async findOrganizationIds(db: Executor): Promise<string[]> {
    return (await db.select({ id: organizations.id }).from(organizations)).map((o) => o.id);
  },

  /** One batch of owned, unlocked customers of the pool that may be due, after `afterId`. */
  async findCandidates(
    db: Executor,
    options: {
      orgId: string;
      pool: PoolRow;
      now: Date;
      marginDays: number;
      afterId: string | null;
      limit: number;
      /** Only this owner's customers. */
      ownerId?: string | undefined;
    },
  ): Promise<OwnershipRow[]> {
    const due = mayBeDue(options.pool, options.now, options.marginDays);
    if (!due) return [];
    const { pool } = options;
    return db
      .select(ownershipColumns)
      .from(customers)
      .where(
        and(
          eq(customers.orgId, options.orgId),
          options.ownerId ? eq(customers.ownerId, options.ownerId) : isNotNull(customers.ownerId),
          isNull(customers.deletedAt),
          eq(customers.locked, false),
          pool.isDefault ? or(eq(customers.poolId, pool.id), isNull(customers.poolId)) : eq(customers.poolId, pool.id),
          pool.rules.excludeWon ? notInArray(customers.stage, [...WON_STAGES]) : undefined,
          options.afterId ? sql`${customers.id} > ${options.afterId}::uuid` : undefined,
          due,
        ),
      )
      .orderBy(asc(customers.id))
      .limit(options.limit);
  },

  /** Direct managers of the given users. */
  async findManagers(db: Executor, options: { orgId: string; userIds: string[] }): Promise<Map<string, string>> {
    if (options.userIds.length === 0) return new Map();
    const rows = await db
      .select({ id: users.id, managerId: users.managerId })
      .from(users)
      .where(and(eq(users.orgId, options.orgId), inArray(users.id, options.userIds), isNotNull(users.managerId)));
    return new Map(rows.map((r) => [r.id, r.managerId!]));
  },
};
