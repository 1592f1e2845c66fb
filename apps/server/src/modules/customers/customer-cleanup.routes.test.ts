import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/db/ids.js';
import { usePersonas } from '../../test/file-context.js';
import { DAY_MS } from '../../platform/time/index.js';

const { ctx, p } = usePersonas({ customersEach: 4 });

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
async function age(ids: string[], changes: { updatedDaysAgo: number; followUpDaysAgo?: number }) {
  await ctx.database.db
    .update(customers)
    .set({
      updatedAt: daysAgo(changes.updatedDaysAgo),
      lastFollowUpAt: changes.followUpDaysAgo === undefined ? null : daysAgo(changes.followUpDaysAgo),
    })
    .where(and(eq(customers.orgId, p.orgId), inArray(customers.id, ids)));
}
const idsOf = (body: { items: { id: string }[] }) => body.items.map((c) => c.id);
const get = (id: string) => p.clients.admin.get(`/api/v1/customers/${id}`).then((r) => r.json());

beforeAll(async () => {
  const [a, b, c] = p.customers.r1;
  await age([b!], { updatedDaysAgo: 300 });
  await age([a!], { updatedDaysAgo: 200 });
  await age([c!], { updatedDaysAgo: 250, followUpDaysAgo: 10 });
  await age([p.customers.r2[0]!, p.customers.r3[0]!], { updatedDaysAgo: 400 });
});

describe('stale customers', () => {
  it('lists in-scope customers neither changed nor followed up for 180 days, oldest first', async () => {
    const [a, b] = p.customers.r1;
    expect(idsOf((await p.clients.r1.get('/api/v1/customers/stale')).json())).toEqual([b, a]);
    const managerIds = idsOf((await p.clients.eastManager.get('/api/v1/customers/stale')).json());
    expect(managerIds.sort()).toEqual([a, b, p.customers.r2[0]].sort());
    expect(idsOf((await p.clients.r1.get('/api/v1/customers/stale?days=250')).json())).toEqual([b]);
  });

  it('pages stale customers with a cursor', async () => {
    const first = (await p.clients.eastManager.get('/api/v1/customers/stale?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await p.clients.eastManager.get(`/api/v1/customers/stale?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(idsOf(second)).toEqual([p.customers.r1[0]]);
  });

  it('rejects a day count outside 1–3650', async () => {
    expect((await p.clients.r1.get('/api/v1/customers/stale?days=0')).statusCode).toBe(400);
    expect((await p.clients.r1.get('/api/v1/customers/stale?days=abc')).statusCode).toBe(400);
  });
});

describe('bulk return to pool', () => {
  it('returns each in-scope customer with the reason and reports out-of-scope ids as not found', async () => {
    const mine = p.customers.r1[1]!;
    const others = p.customers.r2[0]!;
    const unknown = newId();
    const response = await p.clients.r1.post('/api/v1/customers/bulk/return-to-pool', {
      customerIds: [mine, others, unknown],
      reason: '长期未联系',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ done: [mine], notFound: [others, unknown], pendingApproval: [], failed: [] });
    expect((await get(mine)).ownerId).toBeNull();
    const events = (await p.clients.admin.get(`/api/v1/customers/${mine}/ownership-events`)).json().items;
    expect(events[0]).toMatchObject({ kind: 'return', actorId: p.users.r1.id, reason: '长期未联系' });
    expect(await get(others)).toMatchObject({ ownerId: p.users.r2.id, version: 1 });
  });

  it('a customer already in the pool is outside the write scope: not found, nothing changes', async () => {
    const inPool = p.customers.r1[1]!;
    const response = await p.clients.eastManager.post('/api/v1/customers/bulk/return-to-pool', {
      customerIds: [inPool],
      reason: 'again',
    });
    expect(response.json()).toEqual({ done: [], notFound: [inPool], pendingApproval: [], failed: [] });
  });

  it('needs the claim right and a valid body', async () => {
    const body = { customerIds: [p.customers.r1[3]!], reason: 'x' };
    expect((await p.clients.warehouse.post('/api/v1/customers/bulk/return-to-pool', body)).statusCode).toBe(403);
    expect(
      (await p.clients.r1.post('/api/v1/customers/bulk/return-to-pool', { customerIds: [], reason: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (await p.clients.r1.post('/api/v1/customers/bulk/return-to-pool', { customerIds: [p.customers.r1[3]] }))
        .statusCode,
    ).toBe(400);
    const tooMany = Array.from({ length: 201 }, () => newId());
    expect(
      (await p.clients.r1.post('/api/v1/customers/bulk/return-to-pool', { customerIds: tooMany, reason: 'x' }))
        .statusCode,
    ).toBe(400);
    expect((await get(p.customers.r1[3]!)).ownerId).toBe(p.users.r1.id);
  });
});

describe('bulk mark lost', () => {
  it("a salesperson's move waits for the manager's approval and the customer stays put", async () => {
    const id = p.customers.r1[0]!;
    const response = await p.clients.r1.post('/api/v1/customers/bulk/mark-lost', {
      customerIds: [id],
      reason: '客户已倒闭',
    });
    expect(response.json()).toEqual({ done: [], notFound: [], pendingApproval: [id], failed: [] });
    expect((await get(id)).stage).toBe('prospect');
    const todos = (await p.clients.eastManager.get('/api/v1/todos')).json().items as {
      entityId: string;
      kind: string;
    }[];
    expect(todos.some((t) => t.kind === 'approval')).toBe(true);
  });

  it('the approving manager moves directly; a second try fails on its row; other scopes are not found', async () => {
    const id = p.customers.r1[0]!;
    const west = p.customers.r3[0]!;
    const first = await p.clients.eastManager.post('/api/v1/customers/bulk/mark-lost', {
      customerIds: [id, west],
      reason: '客户已倒闭',
    });
    expect(first.json()).toEqual({ done: [id], notFound: [west], pendingApproval: [], failed: [] });
    expect((await get(id)).stage).toBe('lost');
    expect((await get(west)).stage).toBe('prospect');
    const transitions = (await p.clients.admin.get(`/api/v1/customers/${id}/stage-transitions`)).json().items;
    expect(transitions.some((t: { to: string; reason: string }) => t.to === 'lost' && t.reason === '客户已倒闭')).toBe(
      true,
    );
    const again = (
      await p.clients.eastManager.post('/api/v1/customers/bulk/mark-lost', { customerIds: [id], reason: 'x' })
    ).json();
    expect(again.failed).toEqual([{ id, code: 'business_rule', message: '客户已处于该阶段。' }]);
  });

  it('needs the lifecycle move right', async () => {
    const response = await p.clients.finance.post('/api/v1/customers/bulk/mark-lost', {
      customerIds: [p.customers.r2[1]!],
      reason: 'x',
    });
    expect(response.statusCode).toBe(403);
    expect((await get(p.customers.r2[1]!)).stage).toBe('prospect');
  });
});
