import type { DataScope, Permission } from '@guanxi/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROLES } from './default-roles.js';
import type { Client, TestUser } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';

/*
 * Issue 10, defect 3 (departments): a holder of departments.manage changes only the departments
 * their data scope covers, so they cannot widen what they see by moving another department,
 * with its people and their customers, under their own.
 */
const { ctx, p } = usePersonas({ customersEach: 2 });

const salesperson = DEFAULT_ROLES.find((r) => r.code === 'salesperson')!.permissions;
let roleCounter = 0;

/** A user holding salesperson rights plus departments.manage, with the given scope. */
async function departmentManager(dataScope: DataScope, departmentId: string | null) {
  const permissions: Permission[] = [...salesperson, 'departments.view', 'departments.manage'];
  const role = await ctx.createRole(p.orgId, { code: `department_manager_${roleCounter++}`, permissions, dataScope });
  const user = await ctx.createUser({ orgId: p.orgId, roleIds: [role], departmentId });
  return { user, client: await ctx.login(user) };
}

interface DepartmentBody {
  id: string;
  name: string;
  parentId: string | null;
  version: number;
}
const departmentOf = async (id: string) =>
  ((await p.clients.admin.get('/api/v1/departments')).json().items as DepartmentBody[]).find((d) => d.id === id);
const customerIds = async (client: Client) =>
  ((await client.get('/api/v1/customers?limit=200')).json().items as { id: string }[]).map((c) => c.id).sort();
const fieldOf = (body: { error: { fields?: { field: string; message: string }[] } }) => body.error.fields?.[0];
const createUnder = async (client: Client, parentId: string | null, name: string) =>
  client.post('/api/v1/departments', { name, parentId });

describe('a department-tree holder of departments.manage (Sales-West)', () => {
  let west: { user: TestUser; client: Client };
  beforeAll(async () => {
    west = await departmentManager('department_tree', p.departments.west);
  });

  it('cannot move Sales-East under their own department, and still sees only Sales-West’s customers', async () => {
    const before = await customerIds(west.client);
    expect(before).toEqual([...p.customers.r3].sort());
    const east = (await departmentOf(p.departments.east))!;
    const moved = await west.client.patch(`/api/v1/departments/${east.id}`, {
      parentId: p.departments.west,
      version: east.version,
    });
    expect(moved.statusCode).toBe(404);
    // Nor by way of a sub-department they just made.
    const branch = await createUnder(west.client, p.departments.west, 'West branch');
    expect(branch.statusCode).toBe(201);
    const viaBranch = await west.client.patch(`/api/v1/departments/${east.id}`, {
      parentId: branch.json().id,
      version: east.version,
    });
    expect(viaBranch.statusCode).toBe(404);
    const office = (await departmentOf(p.departments.office))!;
    expect(
      (
        await west.client.patch(`/api/v1/departments/${office.id}`, {
          parentId: p.departments.west,
          version: office.version,
        })
      ).statusCode,
    ).toBe(404);
    expect(await departmentOf(p.departments.east)).toMatchObject({
      parentId: p.departments.sales,
      version: east.version,
    });
    expect(await customerIds(west.client)).toEqual(before);
  });

  it('cannot create a department at the top level or outside their tree, but can below it', async () => {
    for (const parentId of [null, p.departments.sales, p.departments.east, p.departments.office]) {
      const response = await createUnder(west.client, parentId, `Outside ${String(parentId).slice(-4)}`);
      expect(response.statusCode, String(parentId)).toBe(400);
      expect(response.json().error.message).toBe('只能在您的数据范围所覆盖的部门下新建或移入部门。');
      expect(fieldOf(response.json())).toEqual({ field: 'parentId', message: '上级部门超出您的数据范围' });
    }
    const team = await createUnder(west.client, p.departments.west, 'West team');
    expect(team.statusCode).toBe(201);
    const squad = await createUnder(west.client, team.json().id, 'West squad');
    expect(squad.json()).toMatchObject({ parentId: team.json().id });
  });

  it('finds no department outside their tree to rename, reorder or delete: 404, nothing changed', async () => {
    const east = (await departmentOf(p.departments.east))!;
    for (const change of [{ name: 'Taken' }, { sortOrder: 9 }]) {
      const response = await west.client.patch(`/api/v1/departments/${east.id}`, { ...change, version: east.version });
      expect(response.statusCode, JSON.stringify(change)).toBe(404);
    }
    // A stale version does not tell the department exists either.
    expect(
      (await west.client.patch(`/api/v1/departments/${east.id}`, { name: 'x', version: east.version + 5 })).statusCode,
    ).toBe(404);
    const empty = await ctx.createDepartment(p.orgId, 'Empty elsewhere', p.departments.sales);
    expect((await west.client.delete(`/api/v1/departments/${empty}`)).statusCode).toBe(404);
    expect((await west.client.delete(`/api/v1/departments/${p.departments.sales}`)).statusCode).toBe(404);
    expect(await departmentOf(p.departments.east)).toMatchObject({ name: 'Sales-East', version: east.version });
    expect(await departmentOf(empty)).toMatchObject({ name: 'Empty elsewhere' });
  });

  it('moves, renames and deletes inside their tree, but never moves their own department or out of the tree', async () => {
    const a = (await createUnder(west.client, p.departments.west, 'Team A')).json() as DepartmentBody;
    const b = (await createUnder(west.client, p.departments.west, 'Team B')).json() as DepartmentBody;
    const moved = await west.client.patch(`/api/v1/departments/${b.id}`, { parentId: a.id, version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: a.id, version: 2 });
    for (const parentId of [p.departments.sales, null]) {
      const out = await west.client.patch(`/api/v1/departments/${b.id}`, { parentId, version: 2 });
      expect(out.statusCode, String(parentId)).toBe(400);
      expect(fieldOf(out.json())?.field).toBe('parentId');
    }
    const westBefore = (await departmentOf(p.departments.west))!;
    const own = await west.client.patch(`/api/v1/departments/${p.departments.west}`, {
      parentId: null,
      version: westBefore.version,
    });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.message).toBe('不能移动您所在的部门或其上级部门。');
    expect(fieldOf(own.json())?.field).toBe('parentId');
    // The department above theirs is not theirs at all.
    const sales = (await departmentOf(p.departments.sales))!;
    expect(
      (await west.client.patch(`/api/v1/departments/${sales.id}`, { parentId: a.id, version: sales.version }))
        .statusCode,
    ).toBe(404);
    // Their own department keeps its place but may be renamed.
    const renamed = await west.client.patch(`/api/v1/departments/${p.departments.west}`, {
      name: 'Sales-West 2',
      version: westBefore.version,
    });
    expect(renamed.json()).toMatchObject({ name: 'Sales-West 2', parentId: p.departments.sales });
    await p.clients.admin.patch(`/api/v1/departments/${p.departments.west}`, {
      name: 'Sales-West',
      version: renamed.json().version,
    });
    expect((await west.client.delete(`/api/v1/departments/${b.id}`)).statusCode).toBe(204);
  });

  it('reads the refusal in English when that is their language', async () => {
    await west.client.patch('/api/v1/auth/me', { locale: 'en' });
    const response = await createUnder(west.client, null, 'Top');
    await west.client.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(response.json().error.message).toBe(
      'You can only add or move departments under a department your data scope covers.',
    );
    expect(fieldOf(response.json())).toEqual({
      field: 'parentId',
      message: 'Parent department is outside your data scope',
    });
  });

  it('is told which departments they may change and move', async () => {
    const response = await west.client.get('/api/v1/departments/management-scope');
    expect(response.statusCode).toBe(200);
    const scope = response.json();
    expect(scope).toMatchObject({ unbounded: false, canChange: true });
    expect(scope.departmentIds).toContain(p.departments.west);
    for (const id of [p.departments.east, p.departments.sales, p.departments.office])
      expect(scope.departmentIds).not.toContain(id);
    expect(scope.movableDepartmentIds).not.toContain(p.departments.west);
    expect(scope.movableDepartmentIds.length).toBe(scope.departmentIds.length - 1);
    expect((await p.clients.head.get('/api/v1/departments/management-scope')).statusCode).toBe(403);
  });
});

describe('a department-scoped holder of departments.manage', () => {
  it('adds sub-departments to their own department only and cannot move it', async () => {
    const east = await departmentManager('department', p.departments.east);
    expect((await createUnder(east.client, p.departments.east, 'East desk')).statusCode).toBe(201);
    expect((await createUnder(east.client, p.departments.west, 'West desk')).statusCode).toBe(400);
    const version = (await departmentOf(p.departments.east))!.version;
    expect(
      (
        await east.client.patch(`/api/v1/departments/${p.departments.east}`, {
          parentId: p.departments.office,
          version,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await east.client.patch(`/api/v1/departments/${p.departments.west}`, { name: 'x', version: 1 })).statusCode,
    ).toBe(404);
    expect((await east.client.get('/api/v1/departments/management-scope')).json()).toEqual({
      unbounded: false,
      canChange: true,
      departmentIds: [p.departments.east],
      movableDepartmentIds: [],
    });
  });
});

describe('personal scopes with departments.manage', () => {
  for (const dataScope of ['own', 'own_subordinates'] as const) {
    it(`${dataScope}: reads the whole tree but changes no department (403)`, async () => {
      const lead = await departmentManager(dataScope, p.departments.east);
      const tree = (await lead.client.get('/api/v1/departments')).json().items as DepartmentBody[];
      expect(tree.map((d) => d.id)).toEqual(expect.arrayContaining(Object.values(p.departments)));
      const east = (await departmentOf(p.departments.east))!;
      const attempts = [
        await createUnder(lead.client, p.departments.east, 'Mine'),
        await lead.client.patch(`/api/v1/departments/${east.id}`, { name: 'Mine', version: east.version }),
        await lead.client.patch(`/api/v1/departments/${p.departments.west}`, {
          parentId: p.departments.east,
          version: 1,
        }),
        await lead.client.delete(`/api/v1/departments/${p.departments.office}`),
      ];
      for (const response of attempts) {
        expect(response.statusCode).toBe(403);
        expect(response.json().error.message).toBe('您的数据范围不覆盖任何部门，不能修改部门。');
      }
      expect(await departmentOf(p.departments.east)).toMatchObject({ name: 'Sales-East', version: east.version });
      expect((await lead.client.get('/api/v1/departments/management-scope')).json()).toMatchObject({
        unbounded: false,
        canChange: false,
      });
    });
  }
});

describe('an administrator (scope all)', () => {
  it('still creates at the top level and moves, renames and deletes any department', async () => {
    const top = await createUnder(p.clients.admin, null, 'Admin top');
    expect(top.statusCode).toBe(201);
    const east = (await departmentOf(p.departments.east))!;
    const moved = await p.clients.admin.patch(`/api/v1/departments/${east.id}`, {
      parentId: top.json().id,
      version: east.version,
    });
    expect(moved.statusCode).toBe(200);
    const back = await p.clients.admin.patch(`/api/v1/departments/${east.id}`, {
      parentId: p.departments.sales,
      name: 'Sales-East',
      version: moved.json().version,
    });
    expect(back.json()).toMatchObject({ parentId: p.departments.sales });
    expect(
      (await p.clients.admin.patch(`/api/v1/departments/${top.json().id}`, { name: 'Admin top 2', version: 1 }))
        .statusCode,
    ).toBe(200);
    expect((await p.clients.admin.delete(`/api/v1/departments/${top.json().id}`)).statusCode).toBe(204);
    expect((await p.clients.admin.get('/api/v1/departments/management-scope')).json()).toEqual({
      unbounded: true,
      canChange: true,
      departmentIds: [],
      movableDepartmentIds: [],
    });
  });
});
