import type { CustomerOwnership } from '@guanxi/contract';
import type { OwnershipRow } from './ownership.repository.js';
import type { PoolRow } from './pools.repository.js';
import { daysUntilReclaim, type ReclaimSubject } from './reclaim-rules.js';

/** The reclaim rules look at the ownership start; rows from before ownership tracking use creation. */
export const toReclaimSubject = (row: OwnershipRow): ReclaimSubject => ({
  ownerId: row.ownerId,
  tier: row.tier,
  stage: row.stage,
  locked: row.locked,
  lastFollowUpAt: row.lastFollowUpAt,
  ownedSince: row.ownedSince ?? row.createdAt,
});

export function toOwnership(row: OwnershipRow, pool: PoolRow, now: Date): CustomerOwnership {
  return {
    customerId: row.id,
    ownerId: row.ownerId,
    poolId: row.poolId ?? pool.id,
    previousOwnerId: row.previousOwnerId,
    ownedSince: row.ownerId === null || row.ownedSince === null ? null : row.ownedSince.toISOString(),
    locked: row.locked,
    daysUntilReclaim: daysUntilReclaim(toReclaimSubject(row), pool.rules, now),
    version: row.version,
  };
}
