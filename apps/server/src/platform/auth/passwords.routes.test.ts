import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 0 });
let organization: { name: string; code: string };

beforeAll(async () => {
  organization = (await p.clients.admin.get('/api/v1/organization')).json();
});

const newUser = (username: string, password: string) => ({
  username,
  displayName: username,
  password,
  departmentId: p.departments.east,
  roleIds: [p.roleIds.salesperson],
});
const versionOf = async (id: string) => (await p.clients.admin.get(`/api/v1/users/${id}`)).json().version as number;

describe('passwords that name their owner are refused wherever they are set (issue 10, defect 12)', () => {
  it('creating a user: the username, the organization name or code, the product name, spaces only', async () => {
    const cases: [string, string][] = [
      ['chen.jing', 'Chen.Jing-2024!'],
      ['chen.jing', `${organization.name}2024`],
      ['chen.jing', `${organization.code.toUpperCase()}-rocks`],
      ['chen.jing', 'guanxi-demo'],
      ['chen.jing', '关系网络非常重要'],
      ['chen.jing', '         '],
    ];
    for (const [username, password] of cases) {
      const response = await p.clients.admin.post('/api/v1/users', newUser(username, password));
      expect(response.statusCode, password).toBe(400);
      expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['password']);
    }
    const named = await p.clients.admin.post('/api/v1/users', newUser('chen.jing', 'guanxi-demo'));
    expect(named.json().error.fields[0].message).toBe('密码不能包含“guanxi”（用户名、组织名称或代码、产品名称）');
    expect((await p.clients.admin.get('/api/v1/users?q=chen.jing')).json().items).toEqual([]);
    expect((await p.clients.admin.post('/api/v1/users', newUser('chen.jing', 'quiet-river-stones'))).statusCode).toBe(
      201,
    );
  });

  it("an admin's reset: the user's own name is refused, and their password stays as it was", async () => {
    const { id, username } = p.users.r2;
    const reset = await p.clients.admin.patch(`/api/v1/users/${id}`, {
      password: `${username}-new-2024`,
      version: await versionOf(id),
    });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.fields).toEqual([
      { field: 'password', message: expect.stringContaining(username.toLowerCase()) },
    ]);
    const blank = await p.clients.admin.patch(`/api/v1/users/${id}`, {
      password: ' '.repeat(12),
      version: await versionOf(id),
    });
    expect(blank.json().error.fields).toEqual([{ field: 'password', message: '密码不能只包含空格' }]);
    expect((await ctx.login(p.users.r2)).user.id).toBe(id);
  });

  it("changing one's own password names the newPassword field, in the caller's language", async () => {
    await p.clients.r3.patch('/api/v1/auth/me', { locale: 'en' });
    const response = await p.clients.r3.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: `My ${organization.name} password` },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      {
        field: 'newPassword',
        message: `New password must not contain “${organization.name.toLowerCase().replace(/\s+/g, '')}” (the username, the organization name or code, or the product name)`,
      },
    ]);
    expect((await p.clients.r3.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});
