import type { DataScope, Permission } from '@guanxi/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROLES } from './default-roles.js';
import type { Client, TestUser } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';

/*
 * Issue 10, defect 3: a holder of users.manage manages users only within their own data scope, so
 * they cannot widen what they see by moving themselves or an account they control.
 */
const { ctx, p } = usePersonas({ customersEach: 2 });

const PASSWORD = 'blue-lantern-orchard';
const salesperson = DEFAULT_ROLES.find((r) => r.code === 'salesperson')!.permissions;
let roleCounter = 0;

/** A user holding salesperson rights plus users.manage, with the given scope (so the salesperson role is grantable). */
async function userManager(dataScope: DataScope, options: { departmentId: string | null; managerId?: string | null }) {
  const permissions: Permission[] = [...salesperson, 'users.view', 'users.manage'];
  const role = await ctx.createRole(p.orgId, { code: `user_manager_${roleCounter++}`, permissions, dataScope });
  const user = await ctx.createUser({
    orgId: p.orgId,
    roleIds: [role],
    departmentId: options.departmentId,
    managerId: options.managerId ?? null,
  });
  return { user, client: await ctx.login(user) };
}

const newUser = (username: string, placement: { departmentId: string | null; managerId?: string | null }) => ({
  username,
  displayName: `${username} 李`,
  password: PASSWORD,
  roleIds: [p.roleIds.salesperson],
  ...placement,
});
const versionOf = async (id: string) => (await p.clients.admin.get(`/api/v1/users/${id}`)).json().version as number;
const customerIds = async (client: Client) =>
  ((await client.get('/api/v1/customers?limit=200')).json().items as { id: string }[]).map((c) => c.id).sort();
const fieldOf = (body: { error: { fields?: { field: string }[] } }) => body.error.fields?.[0]?.field;

describe('a department-scoped holder of users.manage (Sales-West)', () => {
  let lead: { user: TestUser; client: Client };
  beforeAll(async () => {
    lead = await userManager('department', { departmentId: p.departments.west });
  });

  it('cannot move themselves to another department, and still sees only their department’s customers', async () => {
    const before = await customerIds(lead.client);
    expect(before).toEqual([...p.customers.r3].sort());
    const moved = await lead.client.patch(`/api/v1/users/${lead.user.id}`, {
      departmentId: p.departments.east,
      version: 1,
    });
    expect(moved.statusCode).toBe(400);
    expect(fieldOf(moved.json())).toBe('departmentId');
    expect(moved.json().error.message).toBe('不能修改自己的部门或直属上级。');
    const ownManager = await lead.client.patch(`/api/v1/users/${lead.user.id}`, {
      managerId: p.users.head.id,
      version: 1,
    });
    expect(ownManager.statusCode).toBe(400);
    expect(fieldOf(ownManager.json())).toBe('managerId');
    expect(await customerIds(lead.client)).toEqual(before);
    expect((await p.clients.admin.get(`/api/v1/users/${lead.user.id}`)).json()).toMatchObject({
      departmentId: p.departments.west,
      version: 1,
    });
    // Their own name is still theirs to change.
    expect(
      (await lead.client.patch(`/api/v1/users/${lead.user.id}`, { displayName: '西区组长', version: 1 })).statusCode,
    ).toBe(200);
  });

  it('cannot create a user in another department or without one, but can in their own', async () => {
    for (const departmentId of [p.departments.east, p.departments.sales, null]) {
      const response = await lead.client.post(
        '/api/v1/users',
        newUser(`west.out.${String(departmentId).slice(-4)}`, { departmentId }),
      );
      expect(response.statusCode, String(departmentId)).toBe(400);
      expect(fieldOf(response.json())).toBe('departmentId');
      expect(response.json().error.message).toBe('只能把用户安排到您的数据范围所覆盖的部门。');
    }
    const created = await lead.client.post(
      '/api/v1/users',
      newUser('west.new', { departmentId: p.departments.west, managerId: lead.user.id }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ departmentId: p.departments.west, managerId: lead.user.id });
  });

  it('cannot choose a manager outside their scope, in English too', async () => {
    const response = await lead.client.post(
      '/api/v1/users',
      newUser('west.mgr', { departmentId: p.departments.west, managerId: p.users.eastManager.id }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ field: 'managerId', message: '直属上级超出您的数据范围' }]);
    const inScope = await lead.client.patch(`/api/v1/users/${p.users.r3.id}`, {
      managerId: p.users.eastManager.id,
      version: await versionOf(p.users.r3.id),
    });
    expect(inScope.statusCode).toBe(400);
    // A signed-in caller's messages follow their own language setting.
    await lead.client.patch('/api/v1/auth/me', { locale: 'en' });
    const inEnglish = await lead.client.patch(`/api/v1/users/${p.users.r3.id}`, {
      managerId: p.users.eastManager.id,
      version: await versionOf(p.users.r3.id),
    });
    await lead.client.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(inEnglish.json().error.message).toBe('The manager must be a user within your data scope.');
    expect(inEnglish.json().error.fields[0].message).toBe('Manager is outside your data scope');
    expect((await p.clients.admin.get(`/api/v1/users/${p.users.r3.id}`)).json().managerId).toBe(p.users.head.id);
  });

  it('cannot move a user of their department out of it', async () => {
    const response = await lead.client.patch(`/api/v1/users/${p.users.r3.id}`, {
      departmentId: p.departments.east,
      version: await versionOf(p.users.r3.id),
    });
    expect(response.statusCode).toBe(400);
    expect(fieldOf(response.json())).toBe('departmentId');
    expect((await p.clients.admin.get(`/api/v1/users/${p.users.r3.id}`)).json().departmentId).toBe(p.departments.west);
  });

  it('finds no user outside their scope to edit: 404 for any change, nothing changed', async () => {
    const version = await versionOf(p.users.r1.id);
    for (const change of [
      { departmentId: p.departments.west },
      { password: PASSWORD },
      { disabled: true },
      { displayName: 'x' },
      { managerId: lead.user.id },
    ]) {
      const response = await lead.client.patch(`/api/v1/users/${p.users.r1.id}`, { ...change, version });
      expect(response.statusCode, JSON.stringify(change)).toBe(404);
    }
    // A stale version does not tell the user exists either.
    expect(
      (await lead.client.patch(`/api/v1/users/${p.users.r1.id}`, { displayName: 'x', version: version + 5 }))
        .statusCode,
    ).toBe(404);
    expect((await p.clients.admin.get(`/api/v1/users/${p.users.r1.id}`)).json()).toMatchObject({
      departmentId: p.departments.east,
      disabled: false,
      version,
    });
  });

  it('is told which departments and users they may manage', async () => {
    const response = await lead.client.get('/api/v1/users/management-scope');
    expect(response.statusCode).toBe(200);
    const scope = response.json();
    expect(scope).toMatchObject({
      unbounded: false,
      canCreate: true,
      departmentIds: [p.departments.west],
      noDepartmentAllowed: false,
      managerRequired: false,
    });
    expect(scope.userIds).toEqual(expect.arrayContaining([lead.user.id, p.users.r3.id]));
    expect(scope.userIds).not.toContain(p.users.r1.id);
    expect((await p.clients.r1.get('/api/v1/users/management-scope')).statusCode).toBe(403);
  });
});

describe('a department-tree holder of users.manage (Sales)', () => {
  it('moves a user between departments below theirs, and the new department’s manager sees them on the next request (security A4)', async () => {
    const director = await userManager('department_tree', { departmentId: p.departments.sales });
    const before = await customerIds(p.clients.eastManager);
    for (const id of p.customers.r3) expect(before).not.toContain(id);
    const moved = await director.client.patch(`/api/v1/users/${p.users.r3.id}`, {
      departmentId: p.departments.east,
      managerId: p.users.eastManager.id,
      version: await versionOf(p.users.r3.id),
    });
    expect(moved.statusCode).toBe(200);
    const after = await customerIds(p.clients.eastManager);
    for (const id of p.customers.r3) expect(after).toContain(id);
    const toOffice = await director.client.patch(`/api/v1/users/${p.users.r3.id}`, {
      departmentId: p.departments.office,
      version: moved.json().version,
    });
    expect(toOffice.statusCode).toBe(400);
    expect(
      (await director.client.patch(`/api/v1/users/${p.users.finance.id}`, { displayName: 'x', version: 1 })).statusCode,
    ).toBe(404);
    const back = await director.client.patch(`/api/v1/users/${p.users.r3.id}`, {
      departmentId: p.departments.west,
      managerId: p.users.head.id,
      version: moved.json().version,
    });
    expect(back.statusCode).toBe(200);
  });
});

describe('personal scopes with users.manage', () => {
  it('a team lead (own + subordinates) adds users to their own department who report to them or their team', async () => {
    const lead = await userManager('own_subordinates', {
      departmentId: p.departments.east,
      managerId: p.users.eastManager.id,
    });
    const noManager = await lead.client.post(
      '/api/v1/users',
      newUser('team.none', { departmentId: p.departments.east, managerId: null }),
    );
    expect(noManager.statusCode).toBe(400);
    expect(noManager.json().error.fields).toEqual([
      { field: 'managerId', message: '直属上级须为您本人或您团队中的成员' },
    ]);
    const elsewhere = await lead.client.post(
      '/api/v1/users',
      newUser('team.west', { departmentId: p.departments.west, managerId: lead.user.id }),
    );
    expect(fieldOf(elsewhere.json())).toBe('departmentId');
    const member = await lead.client.post(
      '/api/v1/users',
      newUser('team.member', { departmentId: p.departments.east, managerId: lead.user.id }),
    );
    expect(member.statusCode).toBe(201);
    const junior = await lead.client.post(
      '/api/v1/users',
      newUser('team.junior', { departmentId: p.departments.east, managerId: member.json().id }),
    );
    expect(junior.statusCode).toBe(201);
    // Taking a member out of the team (no manager, or a manager outside it) is refused.
    const out = await lead.client.patch(`/api/v1/users/${member.json().id}`, { managerId: null, version: 1 });
    expect(fieldOf(out.json())).toBe('managerId');
    expect(
      (await lead.client.patch(`/api/v1/users/${member.json().id}`, { managerId: p.users.head.id, version: 1 }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await lead.client.patch(`/api/v1/users/${p.users.r1.id}`, {
          displayName: 'x',
          version: await versionOf(p.users.r1.id),
        })
      ).statusCode,
    ).toBe(404);
    expect((await lead.client.get('/api/v1/users/management-scope')).json()).toMatchObject({
      unbounded: false,
      departmentIds: [p.departments.east],
      managerRequired: true,
    });
  });

  it('an own-scope holder manages nobody else and cannot create users', async () => {
    const clerk = await userManager('own', { departmentId: p.departments.office });
    const response = await clerk.client.post(
      '/api/v1/users',
      newUser('own.new', { departmentId: p.departments.office }),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('您的数据范围仅限本人，不能创建用户。');
    expect(
      (await clerk.client.patch(`/api/v1/users/${p.users.finance.id}`, { displayName: 'x', version: 1 })).statusCode,
    ).toBe(404);
    expect((await clerk.client.get('/api/v1/users/management-scope')).json()).toMatchObject({
      canCreate: false,
      userIds: [clerk.user.id],
    });
  });
});

describe('an administrator (scope all)', () => {
  it('still creates users anywhere, sets any manager and moves themselves', async () => {
    const anywhere = await p.clients.admin.post(
      '/api/v1/users',
      newUser('admin.made', { departmentId: null, managerId: p.users.eastManager.id }),
    );
    expect(anywhere.statusCode).toBe(201);
    const moved = await p.clients.admin.patch(`/api/v1/users/${anywhere.json().id}`, {
      departmentId: p.departments.west,
      managerId: p.users.head.id,
      version: 1,
    });
    expect(moved.json()).toMatchObject({ departmentId: p.departments.west, managerId: p.users.head.id });
    const self = await p.clients.admin.patch(`/api/v1/users/${p.users.admin.id}`, {
      departmentId: p.departments.sales,
      managerId: null,
      version: await versionOf(p.users.admin.id),
    });
    expect(self.statusCode).toBe(200);
    expect(self.json().departmentId).toBe(p.departments.sales);
    expect((await p.clients.admin.get('/api/v1/users/management-scope')).json()).toMatchObject({
      unbounded: true,
      canCreate: true,
    });
  });
});
