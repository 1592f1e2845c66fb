import { beforeAll, describe, expect, it } from 'vitest';
import { createOtherOrgAdmin } from '../../test/personas.js';
import type { Client } from '../../test/test-app.js';
import { completeTodos, createTodos, notifyUsers } from './index.js';
import { useTestContext } from '../../test/file-context.js';

const ctx = useTestContext();
let orgId: string;
let alice: Client;
let bob: Client;

beforeAll(async () => {
  const org = await ctx.createOrg();
  orgId = org.orgId;
  alice = await ctx.login(await ctx.createUser({ orgId, roleIds: [org.roleIds.salesperson!] }));
  bob = await ctx.login(await ctx.createUser({ orgId, roleIds: [org.roleIds.salesperson!] }));
  const db = ctx.database.db;
  for (let i = 0; i < 5; i++) {
    await notifyUsers(db, {
      orgId,
      userIds: [alice.user.id],
      kind: 'customer_stuck',
      params: { n: i },
      entity: 'customer',
      entityId: `c${i}`,
    });
  }
  await notifyUsers(db, {
    orgId,
    userIds: [bob.user.id, bob.user.id],
    kind: 'pool_reclaim_reminder',
    params: { days: 2 },
    entity: 'customer',
    entityId: 'b1',
  });
  await createTodos(db, {
    orgId,
    userIds: [alice.user.id, bob.user.id],
    kind: 'stage_approval',
    entity: 'stage_transition_request',
    entityId: 'r1',
    dueAt: null,
    dedupeKey: 'approval:r1',
  });
});

const ids = (response: { json(): { items: { id: string }[] } }) => response.json().items.map((n) => n.id);

describe('notification centre', () => {
  it('lists only the caller own notifications, newest first, with the kind and params for the web to render', async () => {
    const mine = (await alice.get('/api/v1/notifications')).json();
    expect(mine.items).toHaveLength(5);
    expect(mine.items[0]).toMatchObject({
      kind: 'customer_stuck',
      params: { n: 4 },
      entity: 'customer',
      entityId: 'c4',
      readAt: null,
    });
    const his = (await bob.get('/api/v1/notifications')).json().items;
    expect(his).toHaveLength(1);
    expect(his[0]).toMatchObject({ kind: 'pool_reclaim_reminder', params: { days: 2 } });
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const first = (await alice.get('/api/v1/notifications?limit=2')).json();
    const second = (await alice.get(`/api/v1/notifications?limit=2&cursor=${first.nextCursor}`)).json();
    const third = (await alice.get(`/api/v1/notifications?limit=2&cursor=${second.nextCursor}`)).json();
    const all = [...first.items, ...second.items, ...third.items].map((n: { id: string }) => n.id);
    expect(new Set(all).size).toBe(5);
    expect(third.nextCursor).toBeNull();
    expect((await alice.get('/api/v1/notifications?cursor=bm9wZQ')).statusCode).toBe(400);
  });

  it('marks one read, counts the unread, and marks all read', async () => {
    const [newest] = ids(await alice.get('/api/v1/notifications'));
    expect((await alice.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 5 });
    expect((await alice.post(`/api/v1/notifications/${newest}/read`)).statusCode).toBe(204);
    expect((await alice.post(`/api/v1/notifications/${newest}/read`)).statusCode).toBe(204);
    expect((await alice.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 4 });
    expect(ids(await alice.get('/api/v1/notifications?unread=true'))).not.toContain(newest);
    expect((await alice.post('/api/v1/notifications/read-all')).statusCode).toBe(204);
    expect((await alice.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 0 });
    expect((await bob.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 1 });
  });

  it("another user's notification answers 404 and stays unread", async () => {
    const [his] = ids(await bob.get('/api/v1/notifications'));
    expect((await alice.post(`/api/v1/notifications/${his}/read`)).statusCode).toBe(404);
    const other = await createOtherOrgAdmin(ctx);
    expect((await other.client.post(`/api/v1/notifications/${his}/read`)).statusCode).toBe(404);
    expect((await other.client.get('/api/v1/notifications')).json().items).toEqual([]);
    expect((await bob.get('/api/v1/notifications?unread=true')).json().items).toHaveLength(1);
  });

  it('needs a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});

describe('to-do list', () => {
  it('creating the same to-do twice is a no-op; each user sees only their own', async () => {
    await createTodos(ctx.database.db, {
      orgId,
      userIds: [alice.user.id],
      kind: 'stage_approval',
      entity: 'stage_transition_request',
      entityId: 'r1',
      dueAt: null,
      dedupeKey: 'approval:r1',
    });
    const mine = (await alice.get('/api/v1/todos?status=open')).json().items;
    expect(mine).toHaveLength(1);
    expect((await bob.get('/api/v1/todos')).json().items).toHaveLength(1);
    expect(mine[0].id).not.toBe((await bob.get('/api/v1/todos')).json().items[0].id);
  });

  it("marks one's own to-do done; another's answers 404", async () => {
    await createTodos(ctx.database.db, {
      orgId,
      userIds: [alice.user.id],
      kind: 'customer_stuck',
      entity: 'customer',
      entityId: 'c1',
      dueAt: null,
      dedupeKey: 'stuck:c1',
    });
    const open = (await alice.get('/api/v1/todos?status=open')).json().items as { id: string; kind: string }[];
    const mine = open.find((t) => t.kind === 'customer_stuck')!.id;
    const [his] = ids(await bob.get('/api/v1/todos?status=open'));
    expect((await alice.post(`/api/v1/todos/${his}/done`)).statusCode).toBe(404);
    expect((await alice.post(`/api/v1/todos/${mine}/done`)).statusCode).toBe(204);
    expect((await alice.get('/api/v1/todos?status=open')).json().items).toHaveLength(1);
    expect(ids(await alice.get('/api/v1/todos?status=done'))).toEqual([mine]);
    expect((await bob.get('/api/v1/todos?status=open')).json().items).toHaveLength(1);
  });

  it('an approval to-do cannot be ticked done: 422 in the caller’s language, and it stays open', async () => {
    const [approval] = ids(await alice.get('/api/v1/todos?status=open'));
    const refused = await alice.post(`/api/v1/todos/${approval}/done`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'business_rule', message: expect.stringContaining('审批') });
    expect((await alice.patch('/api/v1/auth/me', { locale: 'en' })).statusCode).toBe(200);
    const english = await alice.post(`/api/v1/todos/${approval}/done`);
    expect(english.json().error.message).toMatch(/approve or reject/);
    expect(ids(await alice.get('/api/v1/todos?status=open'))).toEqual([approval]);
  });

  it('completing the to-dos of an entity closes them for everyone', async () => {
    await completeTodos(ctx.database.db, {
      orgId,
      entity: 'stage_transition_request',
      entityId: 'r1',
      kind: 'stage_approval',
    });
    expect((await bob.get('/api/v1/todos?status=open')).json().items).toEqual([]);
    expect((await bob.get('/api/v1/todos?status=bogus')).statusCode).toBe(400);
  });
});
