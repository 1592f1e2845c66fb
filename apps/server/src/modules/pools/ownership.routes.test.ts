import { beforeAll, describe, expect, it } from 'vitest';
import { createOtherOrgAdmin, type Personas } from '../../test/personas.js';
import { createCustomer, createPoolCustomers, ownerOf } from '../../test/customer-ownership.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas();
let defaultPoolId: string;

beforeAll(async () => {
  const pools = (await p.clients.admin.get('/api/v1/customer-pools')).json() as {
    items: { id: string; isDefault: boolean }[];
  };
  defaultPoolId = pools.items.find((pool) => pool.isDefault)!.id;
});

const claim = (who: keyof Personas['clients'], id: string) => p.clients[who].post(`/api/v1/customers/${id}/claim`, {});

describe('claiming from the pool', () => {
  it('a salesperson claims up to the daily limit of 10; the 11th is refused with a localized message', async () => {
    const ids = await createPoolCustomers(p.clients.admin, 11);
    for (const id of ids.slice(0, 10)) {
      const response = await claim('r1', id);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ ownerId: p.users.r1.id, poolId: defaultPoolId, daysUntilReclaim: 30 });
    }
    const refused = await claim('r1', ids[10]!);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe('您今天已领取 10 个客户，已达本公海的每日领取上限，请明天再试。');
    expect(refused.json().error.fields[0].field).toBe('id');
    expect(await ownerOf(p.clients.admin, ids[10]!)).toBeNull();
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'en' });
    expect((await claim('r1', ids[10]!)).json().error.message).toMatch(/claimed 10 customers today, the daily limit/);
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    // Another member still has their own allowance.
    expect((await claim('r2', ids[10]!)).statusCode).toBe(200);
  });

  it('the previous owner cannot claim a returned customer for 7 days, but a pool admin can still assign it to them', async () => {
    const id = await createCustomer(p.clients.r2);
    const returned = await p.clients.r2.post(`/api/v1/customers/${id}/return`, { reason: '客户暂无需求' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({
      ownerId: null,
      previousOwnerId: p.users.r2.id,
      poolId: defaultPoolId,
      daysUntilReclaim: null,
    });
    const again = await claim('r2', id);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toContain('不足 7 天');
    const assigned = await p.clients.eastManager.post(`/api/v1/customers/${id}/assign`, { userId: p.users.r2.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().ownerId).toBe(p.users.r2.id);
  });

  it('a member cannot claim beyond the ownership cap of the pool', async () => {
    const created = await p.clients.admin.post('/api/v1/customer-pools', {
      name: '封顶公海',
      openToAll: true,
      rules: {
        noFollowUpDays: 30,
        tierNoFollowUpDays: { A: 60, B: 30, C: 15 },
        notWonDays: 90,
        excludeWon: true,
        reminderDaysBefore: 2,
        dailyClaimLimit: 10,
        previousOwnerCooldownDays: 7,
        ownershipCap: 4,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const [first, second] = await createPoolCustomers(p.clients.admin, 2, { poolId: created.json().id });
    expect((await claim('r3', first!)).statusCode).toBe(200);
    const capped = await claim('r3', second!);
    expect(capped.statusCode).toBe(422);
    expect(capped.json().error.message).toBe('新负责人名下客户已达上限 4 个。');
  });

  it('claiming a customer someone owns answers 409 when visible and 404 when out of scope', async () => {
    expect((await claim('r1', p.customers.r1[0]!)).statusCode).toBe(409);
    expect((await claim('r3', p.customers.r1[0]!)).statusCode).toBe(404);
    expect(await ownerOf(p.clients.admin, p.customers.r1[0]!)).toBe(p.users.r1.id);
  });
});

describe('assign, transfer, return and lock', () => {
  it('returning needs a reason and puts the customer into the pool with an ownership event', async () => {
    const id = await createCustomer(p.clients.r1);
    const missing = await p.clients.r1.post(`/api/v1/customers/${id}/return`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].field).toBe('reason');
    expect((await p.clients.r1.post(`/api/v1/customers/${id}/return`, { reason: '联系不上' })).statusCode).toBe(200);
    const events = (await p.clients.admin.get(`/api/v1/customers/${id}/ownership-events`)).json().items;
    expect(events[0]).toMatchObject({
      kind: 'return',
      actorId: p.users.r1.id,
      fromUserId: p.users.r1.id,
      toUserId: null,
      reason: '联系不上',
      poolId: defaultPoolId,
    });
    // The former owner no longer sees it outside the pool.
    expect((await p.clients.r1.get(`/api/v1/customers/${id}`)).statusCode).toBe(404);
  });

  it('a transfer keeping the old owner as team member leaves them read-only access', async () => {
    const kept = await createCustomer(p.clients.r1);
    const moved = await p.clients.r1.post(`/api/v1/customers/${kept}/transfer`, {
      userId: p.users.r2.id,
      keepAsTeamMember: true,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().ownerId).toBe(p.users.r2.id);
    const read = await p.clients.r1.get(`/api/v1/customers/${kept}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().ownerId).toBe(p.users.r2.id);
    const edit = await p.clients.r1.patch(`/api/v1/customers/${kept}`, { name: '改名', version: read.json().version });
    expect(edit.statusCode).toBe(404);
    expect((await p.clients.r1.post(`/api/v1/customers/${kept}/return`, { reason: 'x' })).statusCode).toBe(404);

    const gone = await createCustomer(p.clients.r1);
    expect(
      (
        await p.clients.r1.post(`/api/v1/customers/${gone}/transfer`, {
          userId: p.users.r2.id,
          keepAsTeamMember: false,
        })
      ).statusCode,
    ).toBe(200);
    expect((await p.clients.r1.get(`/api/v1/customers/${gone}`)).statusCode).toBe(404);
    expect((await p.clients.r2.get(`/api/v1/customers/${gone}`)).statusCode).toBe(200);
  });

  it('a salesperson may not assign, and managers lock and unlock customers in their scope only', async () => {
    const id = p.customers.r1[1]!;
    expect((await p.clients.r1.post(`/api/v1/customers/${id}/assign`, { userId: p.users.r2.id })).statusCode).toBe(403);
    expect((await p.clients.r1.post(`/api/v1/customers/${id}/lock`, {})).statusCode).toBe(403);
    const locked = await p.clients.eastManager.post(`/api/v1/customers/${id}/lock`, {});
    expect(locked.json()).toMatchObject({ locked: true, daysUntilReclaim: null });
    expect((await p.clients.eastManager.post(`/api/v1/customers/${p.customers.r3[0]}/lock`, {})).statusCode).toBe(404);
    expect((await p.clients.eastManager.post(`/api/v1/customers/${id}/unlock`, {})).json().locked).toBe(false);
  });

  it('records every ownership change with actor, reason and users, newest first', async () => {
    const id = await createCustomer(p.clients.r2);
    await p.clients.r2.post(`/api/v1/customers/${id}/return`, { reason: '预算取消' });
    await p.clients.eastManager.post(`/api/v1/customers/${id}/assign`, { userId: p.users.r1.id });
    await p.clients.r1.post(`/api/v1/customers/${id}/transfer`, { userId: p.users.r2.id, keepAsTeamMember: false });
    const events = (await p.clients.eastManager.get(`/api/v1/customers/${id}/ownership-events?limit=2`)).json();
    expect(events.items.map((e: { kind: string }) => e.kind)).toEqual(['transfer', 'assign']);
    expect(events.items[1]).toMatchObject({
      actorId: p.users.eastManager.id,
      actorName: p.users.eastManager.username,
      fromUserId: null,
      toUserId: p.users.r1.id,
    });
    const rest = (
      await p.clients.eastManager.get(`/api/v1/customers/${id}/ownership-events?cursor=${events.nextCursor}`)
    ).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.items[0]).toMatchObject({ kind: 'return', reason: '预算取消', actorId: p.users.r2.id });
    const audit = (await p.clients.admin.get(`/api/v1/audit-log?entity=customer&entityId=${id}`)).json();
    const actions = audit.items.map((entry: { action: string; actorId: string }) => `${entry.action}:${entry.actorId}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `return:${p.users.r2.id}`,
        `assign:${p.users.eastManager.id}`,
        `transfer:${p.users.r1.id}`,
      ]),
    );
  });
});

describe('scope and isolation', () => {
  it('out-of-scope customers answer 404 on every ownership route and nothing changes', async () => {
    const id = p.customers.r1[2]!;
    for (const [url, body] of [
      [`/api/v1/customers/${id}/transfer`, { userId: p.users.r3.id, keepAsTeamMember: false }],
      [`/api/v1/customers/${id}/return`, { reason: 'x' }],
      [`/api/v1/customers/${id}/claim`, {}],
    ] as const) {
      expect((await p.clients.r3.post(url, body)).statusCode).toBe(404);
    }
    expect((await p.clients.r3.get(`/api/v1/customers/${id}/ownership-events`)).statusCode).toBe(404);
    expect((await p.clients.r3.get(`/api/v1/customers/${id}/ownership`)).statusCode).toBe(404);
    expect(await ownerOf(p.clients.admin, id)).toBe(p.users.r1.id);
  });

  it('another organization sees none of the pools, pool customers or events', async () => {
    const other = await createOtherOrgAdmin(ctx);
    const [poolCustomer] = await createPoolCustomers(p.clients.admin, 1);
    expect(
      (await other.client.get('/api/v1/customer-pools')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(defaultPoolId);
    expect((await other.client.get(`/api/v1/customer-pools/${defaultPoolId}`)).statusCode).toBe(404);
    expect((await other.client.get(`/api/v1/customer-pools/${defaultPoolId}/customers`)).statusCode).toBe(404);
    expect((await other.client.post(`/api/v1/customers/${poolCustomer}/claim`, {})).statusCode).toBe(404);
    expect(
      (await other.client.post(`/api/v1/customers/${poolCustomer}/assign`, { userId: other.client.user.id }))
        .statusCode,
    ).toBe(404);
    expect((await other.client.get(`/api/v1/customers/${poolCustomer}/ownership-events`)).statusCode).toBe(404);
    expect(await ownerOf(p.clients.admin, poolCustomer!)).toBeNull();
  });
});
