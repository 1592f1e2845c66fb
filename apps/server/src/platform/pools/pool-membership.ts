import type { Permission } from '@guanxi/contract';
import type { Actor } from '../auth/actor.js';

/**
 * Who belongs to a pool — the one rule lead pools and customer pools share. Admins are users;
 * members are users or whole departments.
 */
export interface PoolMembership {
  adminUserIds: string[];
  memberUserIds: string[];
  memberDepartmentIds: string[];
}

export type PoolActor = Pick<Actor, 'userId' | 'departmentId' | 'permissions'>;

/** What a kind of pool adds to the shared rule: the permission that makes one admin of every pool. */
export interface PoolAccessPolicy {
  managePermission: Permission;
}

/** Pool admins run the pool; the manage permission makes one admin of every pool. */
export const isPoolAdmin = (actor: PoolActor, pool: PoolMembership, policy: PoolAccessPolicy): boolean =>
  actor.permissions.has(policy.managePermission) || pool.adminUserIds.includes(actor.userId);

/**
 * Members see the pool and may claim from it: listed users, users of a listed department, admins —
 * and everyone when the pool is open to all.
 */
export const isPoolMember = (
  actor: PoolActor,
  pool: PoolMembership & { openToAll?: boolean },
  policy: PoolAccessPolicy,
): boolean =>
  pool.openToAll === true ||
  pool.memberUserIds.includes(actor.userId) ||
  (actor.departmentId !== null && pool.memberDepartmentIds.includes(actor.departmentId)) ||
  isPoolAdmin(actor, pool, policy);

/** A new pool's membership: what the body names, nobody else. */
export const newPoolMembership = (body: Partial<PoolMembership>): PoolMembership => ({
  adminUserIds: body.adminUserIds ?? [],
  memberUserIds: body.memberUserIds ?? [],
  memberDepartmentIds: body.memberDepartmentIds ?? [],
});

/** An update replaces each list it names and keeps the others. */
export const updatedPoolMembership = (changes: Partial<PoolMembership>, before: PoolMembership): PoolMembership => ({
  adminUserIds: changes.adminUserIds ?? before.adminUserIds,
  memberUserIds: changes.memberUserIds ?? before.memberUserIds,
  memberDepartmentIds: changes.memberDepartmentIds ?? before.memberDepartmentIds,
});

/** The member rows of one pool as stored: one row a principal, with its role. */
export interface PoolMemberRow {
  role: string;
  userId: string | null;
  departmentId: string | null;
}

export const membershipOfRows = (rows: PoolMemberRow[]): PoolMembership => ({
  adminUserIds: rows.filter((m) => m.role === 'admin').map((m) => m.userId!),
  memberUserIds: rows.filter((m) => m.role === 'member' && m.userId).map((m) => m.userId!),
  memberDepartmentIds: rows.filter((m) => m.role === 'member' && m.departmentId).map((m) => m.departmentId!),
});

export const rowsOfMembership = (membership: PoolMembership): PoolMemberRow[] => [
  ...membership.adminUserIds.map((userId) => ({ role: 'admin', userId, departmentId: null })),
  ...membership.memberUserIds.map((userId) => ({ role: 'member', userId, departmentId: null })),
  ...membership.memberDepartmentIds.map((departmentId) => ({ role: 'member', userId: null, departmentId })),
];
