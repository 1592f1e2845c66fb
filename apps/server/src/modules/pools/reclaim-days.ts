import type { Executor } from '../../platform/db/client.js';
import { DEFAULT_POOL_RULES } from '@guanxi/contract';
import { poolsRepository } from './pools.repository.js';
import { daysUntilReclaim, type ReclaimSubject } from './reclaim-rules.js';

/** What a list row needs to know about a customer to count the days until its reclaim. */
export interface ReclaimListRow extends Omit<ReclaimSubject, 'ownedSince'> {
  poolId: string | null;
  ownedSince: Date | null;
  createdAt: Date;
}

/**
 * Days until reclaim for a page of customers (list column 距回收天数), each under its own pool's
 * rules (the default pool's when it has none), through the same `daysUntilReclaim` as the customer
 * page, the reminder and the nightly job. One read of the page's pools, however many rows.
 */
export async function reclaimDaysOf(
  db: Executor,
  options: { orgId: string; rows: readonly ReclaimListRow[]; now: Date },
): Promise<(number | null)[]> {
  const { orgId, rows, now } = options;
  if (!rows.some((row) => row.ownerId !== null && !row.locked)) return rows.map(() => null);
  const poolIds = [...new Set(rows.flatMap((row) => (row.poolId === null ? [] : [row.poolId])))];
  const pools = await poolsRepository.findRules(db, orgId, poolIds);
  const rulesById = new Map(pools.map((pool) => [pool.id, pool.rules]));
  // A read never creates the default pool (organizations older than pools get it on their first
  // ownership change); until then its rules are the defaults it will be created with.
  const fallback = pools.find((pool) => pool.isDefault)?.rules ?? DEFAULT_POOL_RULES;
  return rows.map((row) => {
    const rules = (row.poolId !== null ? rulesById.get(row.poolId) : undefined) ?? fallback;
    return daysUntilReclaim({ ...row, ownedSince: row.ownedSince ?? row.createdAt }, rules, now);
  });
}
