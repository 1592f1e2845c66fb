import { describe, expect, it } from 'vitest';
import { usePersonas } from '../../test/file-context.js';

const { p } = usePersonas({ customersEach: 0 });

describe('colleague directory (GET /users/directory)', () => {
  it('lets a salesperson without users.view name the active colleagues to hand work to, and nothing more', async () => {
    const me = (await p.clients.r1.get('/api/v1/auth/me')).json();
    expect(me.permissions).not.toContain('users.view');
    // The full user list stays closed to them.
    expect((await p.clients.r1.get('/api/v1/users')).statusCode).toBe(403);

    const response = await p.clients.r1.get('/api/v1/users/directory');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as Record<string, unknown>[];
    const byId = new Map(items.map((item) => [item.id, item]));
    for (const user of Object.values(p.users)) expect(byId.has(user.id)).toBe(true);
    // Name and department only: no login name, e-mail, mobile or roles.
    expect(Object.keys(items[0]!).sort()).toEqual(['departmentName', 'displayName', 'id']);
  });

  it('leaves out disabled users and other organizations', async () => {
    const before = (await p.clients.admin.get(`/api/v1/users/${p.users.r3.id}`)).json();
    const disabled = await p.clients.admin.patch(`/api/v1/users/${p.users.r3.id}`, {
      disabled: true,
      version: before.version,
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const ids = (await p.clients.r1.get('/api/v1/users/directory')).json().items.map((u: { id: string }) => u.id);
    expect(ids).not.toContain(p.users.r3.id);
    expect(ids).toHaveLength(Object.keys(p.users).length - 1);
  });
});
