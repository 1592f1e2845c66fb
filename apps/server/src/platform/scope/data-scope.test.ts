import { DATA_SCOPES, type DataScope } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query.js';
import { visibleDepartmentIds, visibleOwnerIds, widestScope } from './data-scope.js';
import { useTestContext } from '../../test/file-context.js';

describe('widestScope', () => {
  it('picks the widest of several roles, whatever their order', () => {
    expect(widestScope(['own', 'all'])).toBe('all');
    expect(widestScope(['all', 'own'])).toBe('all');
    expect(widestScope(['department', 'own_subordinates'])).toBe('department');
    expect(widestScope(['department_tree', 'department', 'own'])).toBe('department_tree');
    for (const scope of DATA_SCOPES) expect(widestScope([scope])).toBe(scope);
  });

  it('falls back to own for no roles or unknown scope names', () => {
    expect(widestScope([])).toBe('own');
    expect(widestScope(['everything', 'ALL', ''])).toBe('own');
    expect(widestScope(['superuser', 'department'])).toBe('department');
  });
});

/*
 * Company ── Sales ── East ── East-1
 *         │        └─ West
 *         └─ Office
 * Manager chain: boss → lead → rep → junior; loopA ⇄ loopB (a cycle).
 */
const ctx = useTestContext();
let orgId: string;
const dept: Record<string, string> = {};
const user: Record<string, { id: string; departmentId: string | null }> = {};

beforeAll(async () => {
  ({ orgId } = await ctx.createOrg());
  dept.company = await ctx.createDepartment(orgId, 'Company');
  dept.sales = await ctx.createDepartment(orgId, 'Sales', dept.company);
  dept.east = await ctx.createDepartment(orgId, 'East', dept.sales);
  dept.east1 = await ctx.createDepartment(orgId, 'East-1', dept.east);
  dept.west = await ctx.createDepartment(orgId, 'West', dept.sales);
  dept.office = await ctx.createDepartment(orgId, 'Office', dept.company);
  const add = async (name: string, departmentId: string | null, managerId: string | null = null) => {
    const created = await ctx.createUser({ orgId, roleIds: [], departmentId, managerId });
    user[name] = { id: created.id, departmentId };
  };
  await add('boss', dept.sales!);
  await add('lead', dept.east!, user.boss!.id);
  await add('rep', dept.east!, user.lead!.id);
  await add('junior', dept.east1!, user.rep!.id);
  await add('westRep', dept.west!, user.boss!.id);
  await add('clerk', dept.office!);
  await add('homeless', null, user.boss!.id);
  await add('loopA', dept.office!);
  await add('loopB', dept.office!, user.loopA!.id);
  await ctx.database.db.execute(sql`update users set manager_id = ${user.loopB!.id} where id = ${user.loopA!.id}`);
  // A user of another organization in a same-named setup must never appear.
  const other = await ctx.createOrg();
  const otherDept = await ctx.createDepartment(other.orgId, 'Sales');
  await ctx.createUser({ orgId: other.orgId, roleIds: [], departmentId: otherDept, managerId: null });
});

async function visible(name: string, dataScope: DataScope): Promise<string[] | null> {
  const u = user[name]!;
  const subquery = visibleOwnerIds({ orgId, userId: u.id, departmentId: u.departmentId, dataScope });
  if (subquery === null) return null;
  const rows = await queryRows<{ id: string }>(ctx.database.db, sql`select id::text as id from (${subquery}) as v(id)`);
  const byId = new Map(Object.entries(user).map(([n, v]) => [v.id, n]));
  return rows.map((r) => byId.get(r.id) ?? `unknown:${r.id}`).sort();
}

describe('visibleOwnerIds over a department tree and a manager chain', () => {
  it('own: only oneself', async () => {
    expect(await visible('rep', 'own')).toEqual(['rep']);
  });

  it('own_subordinates: oneself and everyone below in the manager chain, at any depth', async () => {
    expect(await visible('lead', 'own_subordinates')).toEqual(['junior', 'lead', 'rep']);
    expect(await visible('boss', 'own_subordinates')).toEqual(['boss', 'homeless', 'junior', 'lead', 'rep', 'westRep']);
    expect(await visible('junior', 'own_subordinates')).toEqual(['junior']);
  });

  it('own_subordinates stops at a cycle in the manager chain', async () => {
    expect(await visible('loopA', 'own_subordinates')).toEqual(['loopA', 'loopB']);
    expect(await visible('loopB', 'own_subordinates')).toEqual(['loopA', 'loopB']);
  });

  it('department: the own department only, not its sub-departments', async () => {
    expect(await visible('lead', 'department')).toEqual(['lead', 'rep']);
    expect(await visible('boss', 'department')).toEqual(['boss']);
  });

  it('department_tree: the own department and every department below it', async () => {
    expect(await visible('boss', 'department_tree')).toEqual(['boss', 'junior', 'lead', 'rep', 'westRep']);
    expect(await visible('lead', 'department_tree')).toEqual(['junior', 'lead', 'rep']);
    expect(await visible('clerk', 'department_tree')).toEqual(['clerk', 'loopA', 'loopB']);
  });

  it('department scopes of a user without a department fall back to own', async () => {
    expect(await visible('homeless', 'department')).toEqual(['homeless']);
    expect(await visible('homeless', 'department_tree')).toEqual(['homeless']);
  });

  it('department_tree stops at a cycle in the department tree', async () => {
    const a = await ctx.createDepartment(orgId, 'Cycle-A');
    const b = await ctx.createDepartment(orgId, 'Cycle-B', a);
    await ctx.database.db.execute(sql`update departments set parent_id = ${b} where id = ${a}`);
    const member = await ctx.createUser({ orgId, roleIds: [], departmentId: b });
    const subquery = visibleOwnerIds({ orgId, userId: member.id, departmentId: a, dataScope: 'department_tree' })!;
    const rows = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`select id::text as id from (${subquery}) as v(id)`,
    );
    expect(rows.map((r) => r.id)).toEqual([member.id]);
  });

  it('all: no limit', async () => {
    expect(await visible('rep', 'all')).toBeNull();
  });
});

describe('visibleDepartmentIds (the bounds of user management)', () => {
  async function departments(name: string, dataScope: DataScope): Promise<string[] | null> {
    const u = user[name]!;
    const subquery = visibleDepartmentIds({ orgId, departmentId: u.departmentId, dataScope });
    if (subquery === null) return null;
    const rows = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`select id::text as id from (${subquery}) as v(id)`,
    );
    const byId = new Map(Object.entries(dept).map(([n, v]) => [v, n]));
    return rows.map((r) => byId.get(r.id) ?? `unknown:${r.id}`).sort();
  }

  it('covers the own department, or it and every department below, and none for personal scopes', async () => {
    expect(await departments('lead', 'department')).toEqual(['east']);
    expect(await departments('boss', 'department_tree')).toEqual(['east', 'east1', 'sales', 'west']);
    expect(await departments('rep', 'own')).toEqual([]);
    expect(await departments('lead', 'own_subordinates')).toEqual([]);
    expect(await departments('homeless', 'department_tree')).toEqual([]);
    expect(await departments('rep', 'all')).toBeNull();
  });
});
