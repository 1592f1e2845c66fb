import type { Permission } from '@guanxi/contract';
import { describe, expect, it } from 'vitest';
import {
  isPoolAdmin,
  isPoolMember,
  membershipOfRows,
  newPoolMembership,
  rowsOfMembership,
  updatedPoolMembership,
  type PoolActor,
  type PoolMembership,
} from './pool-membership.js';

const policy = { managePermission: 'leads.manage' } as const;
const actor = (over: Partial<PoolActor> = {}): PoolActor => ({
  userId: 'u1',
  departmentId: 'd1',
  permissions: new Set<Permission>(),
  ...over,
});
const pool = (over: Partial<PoolMembership & { openToAll: boolean }> = {}) => ({
  adminUserIds: [],
  memberUserIds: [],
  memberDepartmentIds: [],
  ...over,
});

describe('isPoolMember and isPoolAdmin', () => {
  it('takes listed users, users of a listed department and admins as members', () => {
    expect(isPoolMember(actor(), pool({ memberUserIds: ['u1'] }), policy)).toBe(true);
    expect(isPoolMember(actor(), pool({ memberDepartmentIds: ['d1'] }), policy)).toBe(true);
    expect(isPoolMember(actor(), pool({ adminUserIds: ['u1'] }), policy)).toBe(true);
    expect(isPoolMember(actor(), pool({ memberUserIds: ['u2'], memberDepartmentIds: ['d2'] }), policy)).toBe(false);
  });

  it('matches no department for a user without one', () => {
    expect(isPoolMember(actor({ departmentId: null }), pool({ memberDepartmentIds: ['d1'] }), policy)).toBe(false);
  });

  it('lets everyone into an open pool, but makes nobody its admin by that', () => {
    expect(isPoolMember(actor(), pool({ openToAll: true }), policy)).toBe(true);
    expect(isPoolAdmin(actor(), pool({ openToAll: true }), policy)).toBe(false);
  });

  it("makes the kind's manage permission admin of every pool, and no other permission", () => {
    const manager = actor({ permissions: new Set<Permission>(['leads.manage']) });
    expect(isPoolAdmin(manager, pool(), policy)).toBe(true);
    expect(isPoolMember(manager, pool(), policy)).toBe(true);
    const other = actor({ permissions: new Set<Permission>(['pools.manage']) });
    expect(isPoolAdmin(other, pool(), policy)).toBe(false);
    expect(isPoolAdmin(actor(), pool({ memberUserIds: ['u1'] }), policy)).toBe(false);
  });
});

describe('membership values', () => {
  it('starts a new pool with the lists the body names', () => {
    expect(newPoolMembership({ adminUserIds: ['a'] })).toEqual(pool({ adminUserIds: ['a'] }));
  });

  it('keeps on update the lists the changes leave out, also when the changes empty a list', () => {
    const before = pool({ adminUserIds: ['a'], memberUserIds: ['m'], memberDepartmentIds: ['d'] });
    expect(updatedPoolMembership({ memberUserIds: [] }, before)).toEqual({ ...before, memberUserIds: [] });
  });

  it('stores one row a principal and reads the same membership back', () => {
    const membership = pool({ adminUserIds: ['a'], memberUserIds: ['m1', 'm2'], memberDepartmentIds: ['d'] });
    const rows = rowsOfMembership(membership);
    expect(rows).toEqual([
      { role: 'admin', userId: 'a', departmentId: null },
      { role: 'member', userId: 'm1', departmentId: null },
      { role: 'member', userId: 'm2', departmentId: null },
      { role: 'member', userId: null, departmentId: 'd' },
    ]);
    expect(membershipOfRows(rows)).toEqual(membership);
  });
});
