import { sql, type SQL } from 'drizzle-orm';
import type { PoolAccessPolicy, PoolActor } from './pool-membership.js';
import type { PoolMembersTable } from './pool-store.js';

type PoolScopeActor = PoolActor & { orgId: string };

/**
 * The same rule as `isPoolMember`, as a sub-select of pool ids for record queries: the pools the
 * actor belongs to as admin, member, or through their department; null when the manage permission
 * makes them admin of every pool. Pools open to all are not covered: a kind that has them adds them.
 */
export function memberPoolIds(members: PoolMembersTable, actor: PoolScopeActor, policy: PoolAccessPolicy): SQL | null {
  if (actor.permissions.has(policy.managePermission)) return null;
  const principal =
    actor.departmentId === null
      ? sql`${members.userId} = ${actor.userId}`
      : sql`(${members.userId} = ${actor.userId} or ${members.departmentId} = ${actor.departmentId})`;
  return sql`select ${members.poolId} from ${members} where ${members.orgId} = ${actor.orgId} and ${principal}`;
}

/** The same rule as `isPoolAdmin`, as a sub-select: the pools the actor administers; null = every pool. */
export function adminPoolIds(members: PoolMembersTable, actor: PoolScopeActor, policy: PoolAccessPolicy): SQL | null {
  if (actor.permissions.has(policy.managePermission)) return null;
  return sql`select ${members.poolId} from ${members}
    where ${members.orgId} = ${actor.orgId} and ${members.role} = 'admin' and ${members.userId} = ${actor.userId}`;
}
