import type { Actor } from '../../platform/auth/actor.js';
import type { PoolRow } from './pools.repository.js';

type PoolActor = Pick<Actor, 'userId' | 'departmentId' | 'permissions'>;

/**
 * Pool admins run the pool: they reach its customers like members, and with `customers.assign` give
 * them out; `pools.manage` makes one admin of every pool.
 */
export const isPoolAdmin = (actor: PoolActor, pool: PoolRow): boolean =>
  actor.permissions.has('pools.manage') || pool.adminUserIds.includes(actor.userId);

/** Members see the pool's customers and may claim them. */
export const isPoolMember = (actor: PoolActor, pool: PoolRow): boolean =>
  pool.openToAll ||
  pool.memberUserIds.includes(actor.userId) ||
  (actor.departmentId !== null && pool.memberDepartmentIds.includes(actor.departmentId)) ||
  isPoolAdmin(actor, pool);
