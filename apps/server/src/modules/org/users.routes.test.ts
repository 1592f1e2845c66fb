import { ALL_PERMISSIONS } from '@guanxi/contract';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES } from './default-roles.js';
import { TEST_PASSWORD } from '../../test/test-app.js';
import { useOtherOrgAdmin, usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 2 });
const other = useOtherOrgAdmin(ctx);

const NEW_PASSWORD = 'blue-lantern-orchard';
const versionOf = async (id: string, client = p.clients.admin) =>
  (await client.get(`/api/v1/users/${id}`)).json().version as number;
const newUserBody = (username: string, extra: Record<string, unknown> = {}) => ({
  username,
  displayName: `${username} 张`,
  password: NEW_PASSWORD,
  departmentId: p.departments.east,
  managerId: p.users.eastManager.id,
  roleIds: [p.roleIds.salesperson],
  ...extra,
});
const idsOf = (body: { items: { id: string }[] }) => body.items.map((u) => u.id);

describe('users API', () => {
  it('an admin creates a user who can then sign in, and no password hash is ever returned', async () => {
    const response = await p.clients.admin.post(
      '/api/v1/users',
      newUserBody('li.lei', { email: 'li.lei@example.cn', mobile: '13800001111' }),
    );
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toMatchObject({
      username: 'li.lei',
      departmentId: p.departments.east,
      departmentName: 'Sales-East',
      managerId: p.users.eastManager.id,
      roleIds: [p.roleIds.salesperson],
      locale: 'zh-CN',
      disabled: false,
      version: 1,
    });
    expect(response.body).not.toMatch(/argon2|passwordHash/);
    const detail = await p.clients.admin.get(`/api/v1/users/${user.id}`);
    expect(detail.json()).toEqual(user);
    expect(detail.body).not.toMatch(/argon2|passwordHash/);
    const signedIn = await ctx.login({ id: user.id, orgId: p.orgId, username: 'li.lei' }, NEW_PASSWORD);
    expect((await signedIn.get('/api/v1/customers')).statusCode).toBe(200);
  });

  it('a username taken in the same organization, in any letter case, answers 409 naming the username', async () => {
    const response = await p.clients.admin.post('/api/v1/users', newUserBody(p.users.r1.username.toUpperCase()));
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'conflict', message: '该用户名已被使用。' });
    expect(response.json().error.fields[0].field).toBe('username');
  });

  it("a username of another organization is free here, so creating users reveals nothing about other organizations' names", async () => {
    const theirs = await p.clients.admin.post('/api/v1/users', newUserBody(other.client.user.username.toUpperCase()));
    const nobodys = await p.clients.admin.post('/api/v1/users', newUserBody(`nobody.${Date.now().toString(36)}`));
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(nobodys.statusCode).toBe(201);
    // Both people sign in to their own organization under the same name.
    const mine = await ctx.login(
      { id: theirs.json().id, orgId: p.orgId, username: other.client.user.username },
      NEW_PASSWORD,
    );
    expect((await mine.get('/api/v1/auth/me')).json()).toMatchObject({ id: theirs.json().id, orgId: p.orgId });
    expect((await other.client.get('/api/v1/auth/me')).json().orgId).toBe(other.client.user.orgId);
    // Their list still holds only their own user of that name.
    const listed = (await other.client.get(`/api/v1/users?q=${other.client.user.username}`)).json().items;
    expect(listed.map((u: { id: string }) => u.id)).toEqual([other.client.user.id]);
  });

  it('invalid input answers 400 with localized messages naming each field', async () => {
    const response = await p.clients.admin.post(
      '/api/v1/users',
      newUserBody('x', { password: 'short', email: 'nope' }),
    );
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields as { field: string; message: string }[];
    expect(fields.map((f) => f.field).sort()).toEqual(['email', 'password', 'username']);
    expect(fields.find((f) => f.field === 'username')!.message).toContain('用户名');
    expect(fields.find((f) => f.field === 'password')!.message).toContain('密码');
    const common = await p.clients.admin.post('/api/v1/users', newUserBody('common.pw', { password: 'password123' }));
    expect(common.statusCode).toBe(400);
    expect(common.json().error).toMatchObject({
      message: '该密码过于常见，请换一个。',
      fields: [{ field: 'password' }],
    });
    const unknown = '0190f1d2-0000-7000-8000-000000000000';
    for (const [field, value] of [
      ['departmentId', unknown],
      ['managerId', unknown],
      ['roleIds', [unknown]],
    ] as const) {
      const bad = await p.clients.admin.post('/api/v1/users', newUserBody(`bad.${field}`, { [field]: value }));
      expect(bad.statusCode, field).toBe(400);
      expect(bad.json().error.fields[0].field).toBe(field);
    }
    await p.clients.admin.patch('/api/v1/auth/me', { locale: 'en' });
    const english = await p.clients.admin.post('/api/v1/users', newUserBody('bad.en', { managerId: unknown }));
    await p.clients.admin.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(english.json().error.fields[0].message).toBe('Manager is not valid');
  });

  it('lists users by username with search, a department filter and keyset pages', async () => {
    const all = (await p.clients.admin.get('/api/v1/users?limit=200')).json();
    const usernames = all.items.map((u: { username: string }) => u.username.toLowerCase());
    expect(usernames).toEqual([...usernames].sort());
    expect(all.nextCursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await p.clients.admin.get(url)).json();
      seen.push(...idsOf(body));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(idsOf(all));

    const east = (await p.clients.admin.get(`/api/v1/users?departmentId=${p.departments.east}`)).json();
    expect(idsOf(east)).toEqual(expect.arrayContaining([p.users.eastManager.id, p.users.r1.id, p.users.r2.id]));
    expect(idsOf(east)).not.toContain(p.users.r3.id);
    const search = (
      await p.clients.head.get(`/api/v1/users?q=${encodeURIComponent(p.users.r2.username.slice(-4).toUpperCase())}`)
    ).json();
    expect(idsOf(search)).toContain(p.users.r2.id);
    const byDisplayName = (await p.clients.admin.get(`/api/v1/users?q=${encodeURIComponent('li.lei 张')}`)).json();
    expect(byDisplayName.items.map((u: { username: string }) => u.username)).toEqual(['li.lei']);
  });

  it('disabling a user ends their session at once, hides them from the list and blocks sign-in', async () => {
    const user = await ctx.createUser({
      orgId: p.orgId,
      roleIds: [p.roleIds.salesperson!],
      departmentId: p.departments.west,
    });
    const client = await ctx.login(user);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    const response = await p.clients.admin.patch(`/api/v1/users/${user.id}`, { disabled: true, version: 1 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ disabled: true, version: 2 });
    expect((await client.get('/api/v1/customers')).statusCode).toBe(401);
    await expect(ctx.login(user)).rejects.toThrow(/401/);
    expect(idsOf((await p.clients.admin.get('/api/v1/users?limit=200')).json())).not.toContain(user.id);
    expect(idsOf((await p.clients.admin.get('/api/v1/users?limit=200&includeDisabled=true')).json())).toContain(
      user.id,
    );
  });

  it("an admin password reset ends the user's sessions; only the new password signs in", async () => {
    const user = await ctx.createUser({ orgId: p.orgId, roleIds: [p.roleIds.salesperson!] });
    const client = await ctx.login(user);
    const response = await p.clients.admin.patch(`/api/v1/users/${user.id}`, { password: NEW_PASSWORD, version: 1 });
    expect(response.statusCode).toBe(200);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(ctx.login(user, TEST_PASSWORD)).rejects.toThrow(/401/);
    expect((await (await ctx.login(user, NEW_PASSWORD)).get('/api/v1/auth/me')).statusCode).toBe(200);
    const weak = await p.clients.admin.patch(`/api/v1/users/${user.id}`, { password: '12345678', version: 2 });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].field).toBe('password');
  });

  it('a user cannot report to themselves or to one of their subordinates', async () => {
    const cases: [string, string][] = [
      [p.users.eastManager.id, p.users.eastManager.id],
      [p.users.eastManager.id, p.users.r1.id],
      [p.users.head.id, p.users.r1.id],
    ];
    for (const [userId, managerId] of cases) {
      const response = await p.clients.admin.patch(`/api/v1/users/${userId}`, {
        managerId,
        version: await versionOf(userId),
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'business_rule', fields: [{ field: 'managerId' }] });
    }
    const fine = await p.clients.admin.patch(`/api/v1/users/${p.users.r2.id}`, {
      managerId: p.users.head.id,
      version: await versionOf(p.users.r2.id),
    });
    expect(fine.json()).toMatchObject({ managerId: p.users.head.id, managerName: p.users.head.username });
  });

  it("moving a salesperson to another department changes their new manager's customers on the next request", async () => {
    const before = idsOf((await p.clients.eastManager.get('/api/v1/customers?limit=200')).json());
    for (const id of p.customers.r3) expect(before).not.toContain(id);
    const moved = await p.clients.admin.patch(`/api/v1/users/${p.users.r3.id}`, {
      departmentId: p.departments.east,
      version: await versionOf(p.users.r3.id),
    });
    expect(moved.json()).toMatchObject({ departmentId: p.departments.east, departmentName: 'Sales-East' });
    const after = idsOf((await p.clients.eastManager.get('/api/v1/customers?limit=200')).json());
    for (const id of p.customers.r3) expect(after).toContain(id);
  });

  it('a role change takes effect on the next request of the same session', async () => {
    expect((await p.clients.r2.get('/api/v1/users')).statusCode).toBe(403);
    const changed = await p.clients.admin.patch(`/api/v1/users/${p.users.r2.id}`, {
      roleIds: [p.roleIds.sales_manager],
      version: await versionOf(p.users.r2.id),
    });
    expect(changed.statusCode).toBe(200);
    expect((await p.clients.r2.get('/api/v1/users')).statusCode).toBe(200);
  });

  it('a salesperson without users.view gets 403 on the user list and on writes', async () => {
    expect((await p.clients.r1.get('/api/v1/users')).statusCode).toBe(403);
    expect((await p.clients.r1.get(`/api/v1/users/${p.users.r1.id}`)).statusCode).toBe(403);
    expect((await p.clients.head.post('/api/v1/users', newUserBody('by.head'))).statusCode).toBe(403);
  });

  it('a stale version answers 409 and keeps the first edit', async () => {
    const user = await ctx.createUser({ orgId: p.orgId, roleIds: [p.roleIds.salesperson!] });
    expect(
      (await p.clients.admin.patch(`/api/v1/users/${user.id}`, { displayName: 'First', version: 1 })).statusCode,
    ).toBe(200);
    const second = await p.clients.admin.patch(`/api/v1/users/${user.id}`, { displayName: 'Second', version: 1 });
    expect(second.statusCode).toBe(409);
    expect((await p.clients.admin.get(`/api/v1/users/${user.id}`)).json().displayName).toBe('First');
  });

  it('an update is audited with before and after, never with a password hash', async () => {
    const user = await ctx.createUser({ orgId: p.orgId, roleIds: [p.roleIds.salesperson!] });
    await p.clients.admin.patch(`/api/v1/users/${user.id}`, {
      displayName: '王五',
      mobile: '13900001234',
      password: NEW_PASSWORD,
      version: 1,
    });
    const log = await p.clients.admin.get(`/api/v1/audit-log?entity=user&entityId=${user.id}`);
    const update = log.json().items.find((e: { action: string }) => e.action === 'update');
    expect(update).toMatchObject({
      actorId: p.users.admin.id,
      before: { displayName: user.username, mobile: null, version: 1 },
      after: { displayName: '王五', mobile: '13900001234', version: 2, passwordReset: true },
    });
    expect(log.body).not.toMatch(/argon2|passwordHash/);
  });

  it("another organization's admin neither sees nor changes this organization's users", async () => {
    const target = p.users.finance.id;
    expect((await other.client.get(`/api/v1/users/${target}`)).statusCode).toBe(404);
    expect((await other.client.patch(`/api/v1/users/${target}`, { disabled: true, version: 1 })).statusCode).toBe(404);
    expect(
      (await other.client.patch(`/api/v1/users/${target}`, { password: NEW_PASSWORD, version: 1 })).statusCode,
    ).toBe(404);
    expect(idsOf((await other.client.get('/api/v1/users?limit=200&includeDisabled=true')).json())).toEqual([
      other.client.user.id,
    ]);
    for (const [field, value] of [
      ['roleIds', [p.roleIds.salesperson]],
      ['departmentId', p.departments.east],
      ['managerId', target],
    ] as const) {
      const response = await other.client.post('/api/v1/users', {
        ...newUserBody(`cross.${field}`),
        departmentId: null,
        managerId: null,
        roleIds: [other.roleIds.salesperson],
        [field]: value,
      });
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.fields[0].field).toBe(field);
    }
    expect((await p.clients.admin.get(`/api/v1/users/${target}`)).json()).toMatchObject({
      disabled: false,
      version: 1,
    });
  });
});

describe('users API anti-escalation (security A8)', () => {
  it('a team lead with users.manage can only hand out roles within their own permissions', async () => {
    const lead = await ctx.createRole(p.orgId, {
      code: 'team_lead',
      // Everything a salesperson may do, plus managing users: so the salesperson role is grantable.
      permissions: [...DEFAULT_ROLES.find((r) => r.code === 'salesperson')!.permissions, 'users.view', 'users.manage'],
      dataScope: 'department',
    });
    const leadUser = await ctx.createUser({ orgId: p.orgId, roleIds: [lead], departmentId: p.departments.west });
    const client = await ctx.login(leadUser);
    // Within the lead's own department (user management is bounded by data scope too).
    const inWest = { departmentId: p.departments.west, managerId: leadUser.id };
    const allowed = await client.post('/api/v1/users', newUserBody('by.lead', inWest));
    expect(allowed.statusCode).toBe(201);
    for (const role of [p.roleIds.admin, p.roleIds.sales_manager, p.roleIds.clerk]) {
      const response = await client.post(
        '/api/v1/users',
        newUserBody(`lead.${role!.slice(-6)}`, { ...inWest, roleIds: [role] }),
      );
      expect(response.statusCode).toBe(403);
      expect(response.json().error.message).toBe('不能授予您自己不具备的权限或数据范围。');
    }
    const promote = await client.patch(`/api/v1/users/${allowed.json().id}`, {
      roleIds: [p.roleIds.admin],
      version: 1,
    });
    expect(promote.statusCode).toBe(403);
    // Taking over a stronger account by resetting its password or disabling it is escalation too;
    // a stronger account outside the lead's department is not even found.
    const stronger = await ctx.createUser({
      orgId: p.orgId,
      roleIds: [p.roleIds.sales_manager!],
      departmentId: p.departments.west,
    });
    for (const change of [{ password: NEW_PASSWORD }, { disabled: true }, { displayName: 'x' }]) {
      expect((await client.patch(`/api/v1/users/${stronger.id}`, { ...change, version: 1 })).statusCode).toBe(403);
      expect(
        (
          await client.patch(`/api/v1/users/${p.users.admin.id}`, {
            ...change,
            version: await versionOf(p.users.admin.id),
          })
        ).statusCode,
      ).toBe(404);
    }
    const own = await client.patch(`/api/v1/users/${leadUser.id}`, {
      roleIds: [lead, p.roleIds.salesperson],
      version: 1,
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toBe('不能修改自己的角色或自己所持有的角色。');
    expect((await p.clients.admin.get(`/api/v1/users/${leadUser.id}`)).json().roleIds).toEqual([lead]);
  });

  it('the last enabled administrator cannot be disabled or lose the admin role, even by a user holding every permission', async () => {
    const { orgId, roleIds } = await ctx.createOrg();
    const superRole = await ctx.createRole(orgId, {
      code: 'superuser',
      permissions: [...ALL_PERMISSIONS],
      dataScope: 'all',
    });
    const admin = await ctx.createUser({ orgId, roleIds: [roleIds.admin!] });
    const superUser = await ctx.createUser({ orgId, roleIds: [superRole] });
    const adminClient = await ctx.login(admin);
    const superClient = await ctx.login(superUser);

    const selfDisable = await adminClient.patch(`/api/v1/users/${admin.id}`, { disabled: true, version: 1 });
    expect(selfDisable.statusCode).toBe(422);
    expect(selfDisable.json().error.message).toBe('不能禁用最后一位管理员或移除其管理员角色。');
    expect(
      (await adminClient.patch(`/api/v1/users/${admin.id}`, { roleIds: [superRole], version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await superClient.patch(`/api/v1/users/${admin.id}`, { roleIds: [superRole], version: 1 })).statusCode,
    ).toBe(422);
    expect((await superClient.patch(`/api/v1/users/${admin.id}`, { disabled: true, version: 1 })).statusCode).toBe(422);

    const second = await adminClient.post('/api/v1/users', {
      ...newUserBody('second.admin'),
      departmentId: null,
      managerId: null,
      roleIds: [roleIds.admin],
    });
    expect(second.statusCode).toBe(201);
    expect((await superClient.patch(`/api/v1/users/${admin.id}`, { disabled: true, version: 1 })).statusCode).toBe(200);
    const secondClient = await ctx.login({ id: second.json().id, orgId, username: 'second.admin' }, NEW_PASSWORD);
    expect(
      (await secondClient.patch(`/api/v1/users/${second.json().id}`, { disabled: true, version: 1 })).statusCode,
    ).toBe(422);
    expect((await adminClient.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('hostile page cursors', () => {
  it('answer 400 on the users and audit-log lists, never 500', async () => {
    const cursor = (value: string) =>
      Buffer.from(JSON.stringify([value, '01a209ad-6f1d-758d-8209-f31c6ced7ace'])).toString('base64url');
    for (const bad of [cursor('a\u0000b'), 'bm9wZQ']) {
      expect((await p.clients.admin.get(`/api/v1/users?cursor=${bad}`)).statusCode, bad).toBe(400);
    }
    for (const bad of [cursor('not-a-time'), cursor('a\u0000b'), 'bm9wZQ']) {
      expect((await p.clients.admin.get(`/api/v1/audit-log?cursor=${bad}`)).statusCode, bad).toBe(400);
    }
  });
});
