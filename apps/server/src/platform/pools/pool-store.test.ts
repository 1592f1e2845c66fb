import type { Permission } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../db/ids.js';
import type { AppError } from '../errors/app-error.js';
import { queryRows } from '../db/query.js';
import { leadPoolMembers, leadPools } from '../db/schema/index.js';
import { isPoolAdmin, isPoolMember, type PoolActor } from './pool-membership.js';
import { adminPoolIds, memberPoolIds } from './pool-scope.js';
import { assertKnownPoolPrincipals, createPoolStore } from './pool-store.js';
import { useTestContext } from '../../test/file-context.js';

// Lead pools stand for any kind: the store knows only the tables it is handed.
const store = createPoolStore({ pools: leadPools, members: leadPoolMembers });
const policy = { managePermission: 'leads.manage' } as const;

const ctx = useTestContext();
let orgId: string;
let otherOrgId: string;
let sales: string;
const user: Record<'admin' | 'member' | 'salesRep' | 'outsider' | 'foreign', string> = {
  admin: '',
  member: '',
  salesRep: '',
  outsider: '',
  foreign: '',
};
const pool: Record<'fair' | 'web' | 'empty', string> = { fair: newId(), web: newId(), empty: newId() };

beforeAll(async () => {
  ({ orgId } = await ctx.createOrg());
  ({ orgId: otherOrgId } = await ctx.createOrg());
  sales = await ctx.createDepartment(orgId, 'Sales');
  const office = await ctx.createDepartment(orgId, 'Office');
  user.admin = (await ctx.createUser({ orgId, roleIds: [], departmentId: office })).id;
  user.member = (await ctx.createUser({ orgId, roleIds: [], departmentId: office })).id;
  user.salesRep = (await ctx.createUser({ orgId, roleIds: [], departmentId: sales })).id;
  user.outsider = (await ctx.createUser({ orgId, roleIds: [], departmentId: null })).id;
  user.foreign = (await ctx.createUser({ orgId: otherOrgId, roleIds: [] })).id;
  const db = ctx.database.db;
  for (const [name, id] of Object.entries(pool)) await db.insert(leadPools).values({ orgId, id, name });
  await store.replaceMembers(
    db,
    { orgId, poolId: pool.fair },
    { adminUserIds: [user.admin], memberUserIds: [user.member], memberDepartmentIds: [sales] },
  );
  await store.replaceMembers(
    db,
    { orgId, poolId: pool.web },
    { adminUserIds: [], memberUserIds: [user.admin], memberDepartmentIds: [] },
  );
});

const selectAll = (where: ReturnType<typeof sql>) =>
  ctx.database.db
    .select({ id: leadPools.id, name: leadPools.name })
    .from(leadPools)
    .where(where)
    .orderBy(leadPools.createdAt, leadPools.name);

describe('createPoolStore', () => {
  it('reads pools with their admins, member users and member departments', async () => {
    const pools = await store.findAll(ctx.database.db, orgId, selectAll);
    const fair = pools.find((p) => p.id === pool.fair);
    expect(fair).toMatchObject({
      name: 'fair',
      adminUserIds: [user.admin],
      memberUserIds: [user.member],
      memberDepartmentIds: [sales],
    });
    expect(pools.find((p) => p.id === pool.empty)).toMatchObject({
      adminUserIds: [],
      memberUserIds: [],
      memberDepartmentIds: [],
    });
  });

  it('limits the pools to the given ids, none for an empty list, and never another organization', async () => {
    const ids = async (poolIds?: string[]) =>
      (await store.findAll(ctx.database.db, orgId, selectAll, poolIds ? { poolIds } : {})).map((p) => p.id).sort();
    expect(await ids([pool.web])).toEqual([pool.web]);
    expect(await ids([])).toEqual([]);
    expect(await store.findAll(ctx.database.db, otherOrgId, selectAll)).toEqual([]);
  });

  it('replaces the whole membership', async () => {
    const db = ctx.database.db;
    await store.replaceMembers(
      db,
      { orgId, poolId: pool.empty },
      {
        adminUserIds: [user.outsider],
        memberUserIds: [],
        memberDepartmentIds: [],
      },
    );
    await store.replaceMembers(
      db,
      { orgId, poolId: pool.empty },
      {
        adminUserIds: [],
        memberUserIds: [],
        memberDepartmentIds: [],
      },
    );
    const [empty] = await store.findAll(db, orgId, selectAll, { poolIds: [pool.empty] });
    expect(empty).toMatchObject({ adminUserIds: [], memberUserIds: [], memberDepartmentIds: [] });
  });

  it('finds a taken name except on the pool itself, and updates only at the current version', async () => {
    const db = ctx.database.db;
    expect(await store.isNameTaken(db, { orgId, name: 'web' })).toBe(true);
    expect(await store.isNameTaken(db, { orgId, name: 'web', exceptId: pool.web })).toBe(false);
    expect(await store.isNameTaken(db, { orgId: otherOrgId, name: 'web' })).toBe(false);
    expect((await store.lockById(db, orgId, pool.web))?.version).toBe(1);
    expect(await store.lockById(db, otherOrgId, pool.web)).toBeNull();
    expect(await store.update(db, { orgId, id: pool.web, version: 2 }, { name: 'stale' })).toBe(false);
    expect(await store.update(db, { orgId, id: pool.web, version: 1 }, { name: 'web' })).toBe(true);
    expect((await store.lockById(db, orgId, pool.web))?.version).toBe(2);
  });
});

describe('assertKnownPoolPrincipals', () => {
  it('accepts users and departments of the organization, also a user named twice', async () => {
    await expect(
      assertKnownPoolPrincipals(ctx.database.db, orgId, {
        adminUserIds: [user.admin],
        memberUserIds: [user.admin, user.member],
        memberDepartmentIds: [sales],
      }),
    ).resolves.toBeUndefined();
  });

  it("refuses another organization's user or department on the field it came in", async () => {
    const fieldsOf = async (membership: Parameters<typeof assertKnownPoolPrincipals>[2]) =>
      assertKnownPoolPrincipals(ctx.database.db, orgId, membership).then(
        () => null,
        (error: AppError) => [error.key, error.options.fields?.[0]?.field],
      );
    expect(await fieldsOf({ adminUserIds: [user.foreign] })).toEqual(['error.unknownUser', 'adminUserIds']);
    expect(await fieldsOf({ memberUserIds: [user.foreign] })).toEqual(['error.unknownUser', 'memberUserIds']);
    const foreignDepartment = await ctx.createDepartment(otherOrgId, 'Sales');
    expect(await fieldsOf({ memberDepartmentIds: [foreignDepartment] })).toEqual([
      'error.unknownDepartment',
      'memberDepartmentIds',
    ]);
  });
});

describe('memberPoolIds and adminPoolIds', () => {
  const actorOf = (userId: string, departmentId: string | null, permissions: Permission[] = []) => ({
    orgId,
    userId,
    departmentId,
    permissions: new Set(permissions),
  });
  const poolIdsOf = async (subquery: ReturnType<typeof memberPoolIds>) =>
    subquery === null
      ? null
      : (
          await queryRows<{ id: string }>(
            ctx.database.db,
            sql`select distinct id::text as id from (${subquery}) as p(id)`,
          )
        )
          .map((r) => r.id)
          .sort();

  it('select the same pools isPoolMember and isPoolAdmin allow', async () => {
    const pools = await store.findAll(ctx.database.db, orgId, selectAll);
    const actors: [string, PoolActor & { orgId: string }][] = [
      ['admin', actorOf(user.admin, null)],
      ['member', actorOf(user.member, null)],
      ['salesRep', actorOf(user.salesRep, sales)],
      ['outsider', actorOf(user.outsider, null)],
    ];
    for (const [name, actor] of actors) {
      const members = pools.filter((p) => isPoolMember(actor, p, policy)).map((p) => p.id);
      const admins = pools.filter((p) => isPoolAdmin(actor, p, policy)).map((p) => p.id);
      expect([name, await poolIdsOf(memberPoolIds(leadPoolMembers, actor, policy))]).toEqual([name, members.sort()]);
      expect([name, await poolIdsOf(adminPoolIds(leadPoolMembers, actor, policy))]).toEqual([name, admins.sort()]);
    }
  });

  it('are null — every pool — for the holder of the manage permission', () => {
    const manager = actorOf(user.outsider, null, ['leads.manage']);
    expect(memberPoolIds(leadPoolMembers, manager, policy)).toBeNull();
    expect(adminPoolIds(leadPoolMembers, manager, policy)).toBeNull();
  });
});
