import { describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { createOtherOrgAdmin, type Personas } from '../../test/personas.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

const namesOf = (body: { items: { name: string }[] }) => body.items.map((v) => v.name).sort();
const list = (persona: keyof Personas['clients']) =>
  p.clients[persona].get('/api/v1/saved-views?module=customers').then((r) => r.json());

describe('saved views', () => {
  it('a user saves a view and sees it; others do not', async () => {
    const created = await p.clients.r1.post('/api/v1/saved-views', {
      module: 'customers',
      name: ' 我的A类 ',
      query: { view: 'mine', tier: 'A', sort: 'name' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: '我的A类',
      shared: false,
      isOwn: true,
      query: { view: 'mine', tier: 'A', sort: 'name' },
    });
    expect(namesOf(await list('r1'))).toEqual(['我的A类']);
    expect(namesOf(await list('r2'))).toEqual([]);
  });

  it('a shared view shows to the organization read-only, never to another organization', async () => {
    const shared = await p.clients.eastManager.post('/api/v1/saved-views', {
      module: 'customers',
      name: '卡住的客户',
      query: { view: 'stuck' },
      shared: true,
    });
    expect(shared.statusCode).toBe(201);
    const seen = (await list('r2')).items;
    expect(seen).toEqual([
      expect.objectContaining({ name: '卡住的客户', isOwn: false, ownerName: p.users.eastManager.username }),
    ]);
    const other = await createOtherOrgAdmin(ctx);
    expect((await other.client.get('/api/v1/saved-views?module=customers')).json().items).toEqual([]);
  });

  it("another user's view answers 404 on delete and stays; the owner deletes it", async () => {
    const id = (
      await p.clients.head.post('/api/v1/saved-views', {
        module: 'customers',
        name: '待删除',
        query: { stage: 'prospect' },
        shared: true,
      })
    ).json().id;
    expect((await p.clients.r2.delete(`/api/v1/saved-views/${id}`)).statusCode).toBe(404);
    expect((await p.clients.admin.delete(`/api/v1/saved-views/${id}`)).statusCode).toBe(404);
    expect(namesOf(await list('head'))).toContain('待删除');
    expect((await p.clients.head.delete(`/api/v1/saved-views/${id}`)).statusCode).toBe(204);
    expect(namesOf(await list('head'))).not.toContain('待删除');
    expect((await p.clients.head.delete(`/api/v1/saved-views/${newId()}`)).statusCode).toBe(404);
  });

  it('a read-only executive or a salesperson keeps views of their own but cannot share one with everyone (400 naming the field)', async () => {
    const executive = await ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [p.roleIds.executive!] }));
    for (const [who, client] of [
      ['executive', executive],
      ['r3', p.clients.r3],
    ] as const) {
      const shared = await client.post('/api/v1/saved-views', {
        module: 'customers',
        name: `${who}的共享`,
        query: {},
        shared: true,
      });
      expect(shared.statusCode, who).toBe(400);
      expect(shared.json().error.fields).toEqual([
        { field: 'shared', message: '共享需要“列表视图 · 共享给全组织”权限，您可以只保存给自己使用' },
      ]);
      const own = await client.post('/api/v1/saved-views', { module: 'customers', name: `${who}的视图`, query: {} });
      expect(own.statusCode, who).toBe(201);
    }
    // Nobody else sees either attempt: the refused view was not stored, the own ones are private.
    expect(namesOf(await list('r2')).filter((name) => name.startsWith('executive') || name.startsWith('r3'))).toEqual(
      [],
    );
  });

  it('a second view with the same name answers 409', async () => {
    const body = { module: 'customers', name: '重名', query: {} };
    expect((await p.clients.r3.post('/api/v1/saved-views', body)).statusCode).toBe(201);
    const again = await p.clients.r3.post('/api/v1/saved-views', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
  });

  it('stores only list filters: unknown keys, cursors, bad values and unknown modules answer 400', async () => {
    const post = (body: object) =>
      p.clients.r1.post('/api/v1/saved-views', { module: 'customers', name: 'x', ...body });
    expect((await post({ query: { hacker: 1 } })).statusCode).toBe(400);
    expect((await post({ query: { cursor: 'abc' } })).statusCode).toBe(400);
    expect((await post({ query: { sort: 'phone' } })).statusCode).toBe(400);
    expect((await post({ query: {}, module: 'orders' })).statusCode).toBe(400);
    expect((await p.clients.r1.get('/api/v1/saved-views')).statusCode).toBe(400);
  });

  it('needs the customers view right', async () => {
    const role = await ctx.createRole(p.orgId, { code: 'nothing', permissions: [], dataScope: 'own' });
    const powerless = await ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [role] }));
    expect((await powerless.get('/api/v1/saved-views?module=customers')).statusCode).toBe(403);
    expect(
      (await powerless.post('/api/v1/saved-views', { module: 'customers', name: 'x', query: {} })).statusCode,
    ).toBe(403);
  });

  it('a name of only spaces answers 400 naming the field', async () => {
    const response = await p.clients.r1.post('/api/v1/saved-views', { module: 'customers', name: '   ', query: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['name']);
  });
});
