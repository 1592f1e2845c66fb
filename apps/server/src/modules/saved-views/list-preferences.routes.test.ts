import { describe, expect, it } from 'vitest';
import { usePersonas } from '../../test/file-context.js';

/* Issue 14 item 8: the customer list's column choice, remembered per user on the server. */
const { ctx, p } = usePersonas({ customersEach: 0 });
const path = '/api/v1/list-preferences/customers';

describe('customer list column preference', () => {
  it('is null until chosen, then kept in the list’s own order for that user only', async () => {
    expect((await p.clients.r1.get(path)).json()).toEqual({ columns: null });
    const saved = await p.clients.r1.put(path, { columns: ['daysUntilReclaim', 'name', 'stage'] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ columns: ['name', 'stage', 'daysUntilReclaim'] });
    expect((await p.clients.r1.get(path)).json()).toEqual({ columns: ['name', 'stage', 'daysUntilReclaim'] });
    expect((await p.clients.r2.get(path)).json()).toEqual({ columns: null });
    await p.clients.r1.put(path, { columns: ['name', 'owner'] });
    expect((await p.clients.r1.get(path)).json()).toEqual({ columns: ['name', 'owner'] });
  });

  it('goes back to the default with null', async () => {
    await p.clients.r2.put(path, { columns: ['name'] });
    expect((await p.clients.r2.put(path, { columns: null })).json()).toEqual({ columns: null });
    expect((await p.clients.r2.get(path)).json()).toEqual({ columns: null });
  });

  it('refuses an unknown column with 400 naming the field, and keeps the old choice', async () => {
    const response = await p.clients.r1.put(path, { columns: ['name', 'passwordHash'] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toMatch(/^columns/);
    expect((await p.clients.r1.get(path)).json()).toEqual({ columns: ['name', 'owner'] });
  });

  it('needs the customer list right', async () => {
    const role = await ctx.createRole(p.orgId, { code: 'orders_only', permissions: ['orders.view'], dataScope: 'own' });
    const client = await ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [role] }));
    expect((await client.get(path)).statusCode).toBe(403);
    expect((await client.put(path, { columns: ['name'] })).statusCode).toBe(403);
  });
});
