import type { Executor } from '../../platform/db/client.js';
import { createDefaultPool } from './pools.service.js';
import { poolsRepository, type PoolRow } from './pools.repository.js';

/** The organization's default pool; created on first use for organizations older than pools. */
export async function defaultPoolOf(tx: Executor, orgId: string): Promise<PoolRow> {
  const existing = await poolsRepository.getDefault(tx, orgId);
  if (existing) return existing;
  await createDefaultPool(tx, { orgId });
  return (await poolsRepository.getDefault(tx, orgId))!;
}

/** The pool a customer belongs to: its own, else the default pool. */
export async function poolOfCustomer(
  tx: Executor,
  orgId: string,
  customer: { poolId: string | null },
): Promise<PoolRow> {
  if (customer.poolId !== null) {
    const pool = await poolsRepository.getById(tx, orgId, customer.poolId);
    if (pool) return pool;
  }
  return defaultPoolOf(tx, orgId);
}

/** Whether a pool of this id exists in the organization (a batch checks its target pool once, up front). */
export async function isCustomerPool(tx: Executor, orgId: string, id: string): Promise<boolean> {
  return (await poolsRepository.findRules(tx, orgId, [id])).some((pool) => pool.id === id);
}
