import { describe, expect, it } from 'vitest';
import type { Client } from '../../test/test-app.js';
import { useOtherOrgAdmin, usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
const other = useOtherOrgAdmin(ctx);

interface RoleBody {
  id: string;
  code: string;
  permissions: string[];
  dataScope: string;
  builtIn: boolean;
  userCount: number;
  version: number;
}
const listOf = async (client: Client) => (await client.get('/api/v1/roles')).json().items as RoleBody[];
const roleBody = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: `角色 ${code}`,
  permissions: ['customers.view'],
  dataScope: 'own',
  ...extra,
});

describe('roles API', () => {
  it('lists the built-in roles with how many users hold each', async () => {
    const byCode = new Map((await listOf(p.clients.admin)).map((r) => [r.code, r]));
    expect(byCode.get('salesperson')).toMatchObject({ builtIn: true, userCount: 3, dataScope: 'own' });
    expect(byCode.get('admin')).toMatchObject({ builtIn: true, userCount: 1, dataScope: 'all' });
    expect(byCode.get('service_hidden_phone')).toMatchObject({ builtIn: false, userCount: 1 });
  });

  it('an admin creates, edits and deletes a custom role', async () => {
    const created = await p.clients.admin.post(
      '/api/v1/roles',
      roleBody('auditor', { fieldPermissions: { 'customers.phone': 'read' } }),
    );
    expect(created.statusCode).toBe(201);
    const role = created.json();
    expect(role).toMatchObject({
      code: 'auditor',
      builtIn: false,
      userCount: 0,
      version: 1,
      description: '',
      fieldPermissions: { 'customers.phone': 'read' },
    });
    const edited = await p.clients.admin.patch(`/api/v1/roles/${role.id}`, {
      permissions: ['customers.view', 'audit.view'],
      dataScope: 'all',
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      permissions: ['customers.view', 'audit.view'],
      dataScope: 'all',
      version: 2,
    });
    expect((await p.clients.admin.delete(`/api/v1/roles/${role.id}`)).statusCode).toBe(204);
    expect((await listOf(p.clients.admin)).map((r) => r.id)).not.toContain(role.id);
  });

  it('a role code already used in the organization answers 409 naming the code', async () => {
    const response = await p.clients.admin.post('/api/v1/roles', roleBody('salesperson'));
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ message: '已存在相同编码的角色。', fields: [{ field: 'code' }] });
    // Codes are per organization: another one may use the same code.
    expect((await other.client.post('/api/v1/roles', roleBody('auditor'))).statusCode).toBe(201);
  });

  it('invalid input answers 400 with Chinese messages naming the field', async () => {
    const response = await p.clients.admin.post(
      '/api/v1/roles',
      roleBody('Bad Code', { permissions: ['customers.fly'], dataScope: 'galaxy' }),
    );
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields as { field: string; message: string }[];
    expect(fields.find((f) => f.field === 'code')!.message).toContain('编码');
    expect(fields.find((f) => f.field === 'dataScope')!.message).toContain('数据范围');
    expect(fields.some((f) => f.field.startsWith('permissions'))).toBe(true);
  });

  it('built-in roles cannot be deleted and assigned roles must be taken off users first', async () => {
    const builtIn = await p.clients.admin.delete(`/api/v1/roles/${p.roleIds.warehouse}`);
    expect(builtIn.statusCode).toBe(422);
    expect(builtIn.json().error.message).toBe('内置角色不能删除。');
    const inUse = await p.clients.admin.delete(`/api/v1/roles/${p.roleIds.service}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toBe('该角色仍分配给了用户。');
    expect((await listOf(p.clients.admin)).map((r) => r.id)).toEqual(
      expect.arrayContaining([p.roleIds.warehouse, p.roleIds.service]),
    );
  });

  it('a stale version answers 409 and keeps the first edit', async () => {
    const role = (await p.clients.admin.post('/api/v1/roles', roleBody('versioned'))).json();
    expect((await p.clients.admin.patch(`/api/v1/roles/${role.id}`, { name: 'First', version: 1 })).statusCode).toBe(
      200,
    );
    const second = await p.clients.admin.patch(`/api/v1/roles/${role.id}`, { name: 'Second', version: 1 });
    expect(second.statusCode).toBe(409);
    expect((await listOf(p.clients.admin)).find((r) => r.id === role.id)).toMatchObject({ version: 2 });
  });

  it('an admin cannot edit the administrator role, which they hold themselves', async () => {
    const response = await p.clients.admin.patch(`/api/v1/roles/${p.roleIds.admin}`, {
      permissions: ['customers.view'],
      version: 1,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('不能修改自己的角色或自己所持有的角色。');
  });

  it('a role manager cannot grant permissions, scopes or field access they lack, nor edit their own or a stronger role', async () => {
    const managerRole = await ctx.createRole(p.orgId, {
      code: 'role_manager',
      permissions: ['customers.view', 'customers.edit', 'roles.view', 'roles.manage'],
      dataScope: 'department',
      fieldPermissions: { 'customers.phone': 'read' },
    });
    const client = await ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [managerRole] }));
    const escalations = [
      roleBody('too_many', { permissions: ['customers.view', 'customers.delete'] }),
      roleBody('too_wide', { dataScope: 'all' }),
      roleBody('too_open', { fieldPermissions: {} }),
    ];
    for (const body of escalations) {
      const response = await client.post('/api/v1/roles', body);
      expect(response.statusCode, body.code).toBe(403);
      expect(response.json().error.message).toBe('不能授予您自己不具备的权限或数据范围。');
    }
    const allowed = await client.post(
      '/api/v1/roles',
      roleBody('helper', { dataScope: 'department', fieldPermissions: { 'customers.phone': 'hidden' } }),
    );
    expect(allowed.statusCode).toBe(201);
    const widen = await client.patch(`/api/v1/roles/${allowed.json().id}`, {
      permissions: ['customers.view', 'roles.manage', 'users.manage'],
      version: 1,
    });
    expect(widen.statusCode).toBe(403);
    expect((await client.patch(`/api/v1/roles/${managerRole}`, { dataScope: 'own', version: 1 })).statusCode).toBe(403);
    expect(
      (await client.patch(`/api/v1/roles/${p.roleIds.executive}`, { permissions: ['customers.view'], version: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await listOf(p.clients.admin)).find((r) => r.id === p.roleIds.executive)).toMatchObject({ version: 1 });
  });

  it('editing a role changes what its holders may do on their next request', async () => {
    const role = (await p.clients.admin.post('/api/v1/roles', roleBody('trainee'))).json();
    const trainee = await ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [role.id] }));
    expect((await trainee.get('/api/v1/departments')).statusCode).toBe(403);
    await p.clients.admin.patch(`/api/v1/roles/${role.id}`, {
      permissions: ['customers.view', 'departments.view'],
      version: 1,
    });
    expect((await trainee.get('/api/v1/departments')).statusCode).toBe(200);
  });

  it('an update is audited with before and after', async () => {
    const role = (await p.clients.admin.post('/api/v1/roles', roleBody('audited_role'))).json();
    await p.clients.admin.patch(`/api/v1/roles/${role.id}`, { dataScope: 'department', version: 1 });
    const entries = (await p.clients.admin.get(`/api/v1/audit-log?entity=role&entityId=${role.id}`)).json().items;
    expect(entries[0]).toMatchObject({
      action: 'update',
      before: { dataScope: 'own', version: 1 },
      after: { dataScope: 'department', version: 2 },
    });
  });

  it('a salesperson without roles.view gets 403', async () => {
    expect((await p.clients.r1.get('/api/v1/roles')).statusCode).toBe(403);
    expect((await p.clients.finance.post('/api/v1/roles', roleBody('finance_x'))).statusCode).toBe(403);
  });

  it("another organization's admin neither sees nor changes this organization's roles", async () => {
    const ids = (await listOf(other.client)).map((r) => r.id);
    expect(ids).not.toContain(p.roleIds.salesperson);
    expect(ids).not.toContain(p.roleIds.service);
    expect(
      (await other.client.patch(`/api/v1/roles/${p.roleIds.clerk}`, { dataScope: 'own', version: 1 })).statusCode,
    ).toBe(404);
    expect((await other.client.delete(`/api/v1/roles/${p.roleIds.service}`)).statusCode).toBe(404);
    expect((await listOf(p.clients.admin)).find((r) => r.id === p.roleIds.clerk)).toMatchObject({
      dataScope: 'all',
      version: 1,
    });
  });
});
