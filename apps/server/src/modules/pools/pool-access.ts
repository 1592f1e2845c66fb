import {
  isPoolAdmin as isAdminOf,
  isPoolMember as isMemberOf,
  type PoolActor,
} from '../../platform/pools/pool-membership.js';
import type { PoolRow } from './pools.repository.js';

/** `pools.manage` makes one admin of every customer pool. */
const customerPoolPolicy = { managePermission: 'pools.manage' } as const;

/**
 * Pool admins run the pool: they reach its customers like members, and with `customers.assign` give
 * them out; `pools.manage` makes one admin of every pool.
 */
export const isPoolAdmin = (actor: PoolActor, pool: PoolRow): boolean => isAdminOf(actor, pool, customerPoolPolicy);

/** Members see the pool's customers and may claim them; an open pool takes everyone. */
export const isPoolMember = (actor: PoolActor, pool: PoolRow): boolean => isMemberOf(actor, pool, customerPoolPolicy);
