import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createOrder, orderFixtures as fx } from '../../test/order-fixtures.js';
import { usePersonas } from '../../test/file-context.js';
import type { Client } from '../../test/test-app.js';
import { expireMemberPoints, recomputeMemberLevels } from './index.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
let warehouseId: string;
let widget: string;

let n = 0;
/** A person customer owned by the client's user. */
async function person(client: Client, birthday: string | null = null): Promise<string> {
  n++;
  const response = await client.post('/api/v1/customers', {
    kind: 'person',
    name: `会员测试${n}`,
    phone: `1391234${String(n).padStart(4, '0')}`,
    ...(birthday ? { birthday } : {}),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}
async function enrol(customerId: string, body: Record<string, unknown> = {}) {
  const response = await p.clients.eastManager.post('/api/v1/members', { customerId, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
/** A confirmed order of `quantity` × 100 yuan for the customer (entered by its owner r1, confirmed by finance). */
async function confirmedOrder(customerId: string, quantity: number) {
  const order = await createOrder(p.clients.r1, { customerId, lines: [{ productId: widget, quantity }] });
  expect((await p.clients.r1.post(`/api/v1/orders/${order.id}/submit`, {})).json().status).toBe('submitted');
  const confirmed = await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {});
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return order.id as string;
}
const member = async (id: string) => (await p.clients.admin.get(`/api/v1/members/${id}`)).json();
const ledgerSum = async (id: string) => {
  const [row] = await queryRows<{ sum: string | null }>(
    ctx.database.db,
    sql`select sum(points) as sum from member_points_ledger where org_id = ${p.orgId} and member_id = ${id}`,
  );
  return Number(row?.sum ?? 0);
};

beforeAll(async () => {
  const db = ctx.database.db;
  warehouseId = await fx.warehouse(db, p.orgId);
  widget = await fx.product(db, p.orgId, { listPriceFen: 10_000, costPriceFen: 6_000, name: '保健礼盒' });
  await fx.stock(db, { orgId: p.orgId, warehouseId, productId: widget }, 10_000);
});

describe('members: enrolment', () => {
  it('enrols a person customer with a generated number at the entry level; one member per customer', async () => {
    const customerId = await person(p.clients.r1, '1990-05-17');
    const created = await enrol(customerId, { cardNo: 'VIP-0001', storeId: p.departments.east });
    expect(created).toMatchObject({
      customerId,
      cardNo: 'VIP-0001',
      storeId: p.departments.east,
      levelNameZh: '普通会员',
      growthPoints: 0,
      pointsBalance: 0,
      birthday: '1990-05-17',
    });
    expect(created.memberNo).toMatch(/^HY\d{8}$/);
    const again = await p.clients.eastManager.post('/api/v1/members', { customerId });
    expect(again.statusCode).toBe(409);
    const card = await p.clients.eastManager.post('/api/v1/members', {
      customerId: await person(p.clients.r1),
      cardNo: 'VIP-0001',
    });
    expect(card.statusCode).toBe(400);
    expect(card.json().error.fields[0].field).toBe('cardNo');
    const history = (await p.clients.admin.get(`/api/v1/members/${created.id}/level-history`)).json();
    expect(history.items).toHaveLength(1);
  });

  it('refuses a company customer and an unknown store, naming the field', async () => {
    const company = await p.clients.eastManager.post('/api/v1/members', { customerId: p.customers.r1[0] });
    expect(company.statusCode).toBe(400);
    expect(company.json().error.fields[0]).toMatchObject({ field: 'customerId' });
    const store = await p.clients.eastManager.post('/api/v1/members', {
      customerId: await person(p.clients.r1),
      storeId: '0190a0b0-0000-7000-8000-000000000000',
    });
    expect(store.statusCode).toBe(400);
    expect(store.json().error.fields[0].field).toBe('storeId');
    expect(store.json().error.message).toContain('门店');
  });
});

describe('members: points from orders, redeem, expiry and levels', () => {
  it('earns on confirm, deducts on cancel, expires after 24 months; the nightly job moves the level up and down', async () => {
    const customerId = await person(p.clients.r1);
    const m = await enrol(customerId);
    const big = await confirmedOrder(customerId, 60); // ¥6,000 → 6,000 points
    await confirmedOrder(customerId, 5); // ¥500 → 500 points
    let now = await member(m.id);
    expect(now).toMatchObject({ pointsBalance: 6500, growthPoints: 6500, levelNameZh: '普通会员' });
    expect(now.lastPurchaseAt).not.toBeNull();

    // Levels move at night: 6,500 growth points → 白金 (5,000).
    const clock = new Date(Date.now() + 60_000);
    expect(await recomputeMemberLevels(ctx.database.db, clock, p.orgId)).toBeGreaterThanOrEqual(1);
    expect((await member(m.id)).levelNameZh).toBe('白金会员');

    // Cancelling the big order takes its points and growth back; the level falls at night.
    const cancelled = await p.clients.finance.post(`/api/v1/orders/${big}/cancel`, { reason: '客户退货' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    now = await member(m.id);
    expect(now).toMatchObject({ pointsBalance: 500, growthPoints: 500 });
    await recomputeMemberLevels(ctx.database.db, clock, p.orgId);
    expect((await member(m.id)).levelNameZh).toBe('银卡会员');

    // Redeem: not below zero (400 naming points), else the balance drops.
    const tooMuch = await p.clients.eastManager.post(`/api/v1/members/${m.id}/redeem`, { points: 501 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.fields[0].field).toBe('points');
    const redeemed = await p.clients.eastManager.post(`/api/v1/members/${m.id}/redeem`, {
      points: 200,
      reason: '兑换礼品',
    });
    expect(redeemed.statusCode, redeemed.body).toBe(200);
    expect(redeemed.json().pointsBalance).toBe(300);

    // 25 months later the remaining 300 points expire (FIFO: the redeem used the oldest first); growth stays.
    const later = new Date(Date.now() + 25 * 31 * 86_400_000);
    expect(await expireMemberPoints(ctx.database.db, later, p.orgId)).toBe(1);
    expect(await expireMemberPoints(ctx.database.db, later, p.orgId)).toBe(0);
    now = await member(m.id);
    expect(now).toMatchObject({ pointsBalance: 0, growthPoints: 500 });
    expect(await ledgerSum(m.id)).toBe(now.pointsBalance);

    const ledger = (await p.clients.admin.get(`/api/v1/members/${m.id}/points?limit=2`)).json();
    expect(ledger.items.map((e: { kind: string }) => e.kind)).toEqual(['expire', 'redeem']);
    expect(ledger.nextCursor).not.toBeNull();
    const rest = (await p.clients.admin.get(`/api/v1/members/${m.id}/points?cursor=${ledger.nextCursor}`)).json();
    expect(rest.items.map((e: { kind: string }) => e.kind)).toEqual(['deduct', 'earn', 'earn']);
    const history = (await p.clients.admin.get(`/api/v1/members/${m.id}/level-history`)).json();
    expect(history.items.map((h: { toLevelNameZh: string }) => h.toLevelNameZh)).toEqual([
      '银卡会员',
      '白金会员',
      '普通会员',
    ]);

    const audits = await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where org_id = ${p.orgId} and entity_id = ${m.id} order by id`,
    );
    expect(audits.map((a) => a.action)).toEqual([
      'create',
      'points_earn',
      'points_earn',
      'level_change',
      'points_deduct',
      'level_change',
      'points_redeem',
      'points_expire',
    ]);
  });

  it('an adjustment above the threshold waits for the manager; below it applies at once', async () => {
    const customerId = await person(p.clients.r1);
    const m = await enrol(customerId);
    // Customer service (a role with members.manage but not approve) adjusts.
    const serviceRole = await ctx.createRole(p.orgId, {
      code: 'member_desk',
      permissions: ['customers.view', 'members.view', 'members.manage', 'approvals.view'],
      dataScope: 'all',
    });
    const desk = await ctx.login(
      await ctx.createUser({
        orgId: p.orgId,
        roleIds: [serviceRole],
        departmentId: p.departments.east,
        managerId: p.users.eastManager.id,
      }),
    );
    const small = await desk.post(`/api/v1/members/${m.id}/adjust`, { points: 300, reason: '活动补偿' });
    expect(small.json()).toMatchObject({ status: 'applied', member: { pointsBalance: 300 } });
    const zero = await desk.post(`/api/v1/members/${m.id}/adjust`, { points: 0, reason: '无' });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.fields[0].field).toBe('points');

    const large = await desk.post(`/api/v1/members/${m.id}/adjust`, { points: 5000, reason: '大客户补录积分' });
    expect(large.json()).toMatchObject({ status: 'pending', member: { pointsBalance: 300 } });
    const inbox = (
      await p.clients.eastManager.get('/api/v1/approvals?box=todo&businessType=member_points_adjust')
    ).json();
    const request = inbox.items.find((r: { businessType: string }) => r.businessType === 'member_points_adjust');
    expect(request, JSON.stringify(inbox)).toBeDefined();
    const card = (await p.clients.eastManager.get(`/api/v1/approvals/${request.id}/context`)).json();
    expect(card.context).toMatchObject({ kind: 'points', memberNo: m.memberNo, points: 5000, balance: 300 });
    const approved = await p.clients.eastManager.post(`/api/v1/approvals/${request.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await member(m.id)).pointsBalance).toBe(5300);
    expect(await ledgerSum(m.id)).toBe(5300);

    // A manager (members.approve) adjusts beyond the threshold directly.
    const direct = await p.clients.eastManager.post(`/api/v1/members/${m.id}/adjust`, {
      points: -2000,
      reason: '误录更正',
    });
    expect(direct.json()).toMatchObject({ status: 'applied', member: { pointsBalance: 3300 } });
  });
});

describe('members: scope and permissions', () => {
  it("a salesperson sees only their own customers' members and cannot change points; others answer 404", async () => {
    const mine = await enrol(await person(p.clients.r1));
    const west = await p.clients.head.post('/api/v1/members', { customerId: await person(p.clients.r3) });
    expect(west.statusCode, west.body).toBe(201);
    const theirs = west.json();
    expect((await p.clients.r1.get(`/api/v1/members/${mine.id}`)).statusCode).toBe(200);
    expect((await p.clients.r1.get(`/api/v1/members/${theirs.id}`)).statusCode).toBe(404);
    expect((await p.clients.r1.get(`/api/v1/members/${theirs.id}/points`)).statusCode).toBe(404);
    const list = (await p.clients.r1.get('/api/v1/members?limit=200')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(mine.id);
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(theirs.id);
    expect((await p.clients.r1.post(`/api/v1/members/${mine.id}/redeem`, { points: 1 })).statusCode).toBe(403);
    // The east manager's department scope does not reach the west salesperson's customer.
    expect((await p.clients.eastManager.post(`/api/v1/members/${theirs.id}/redeem`, { points: 1 })).statusCode).toBe(
      404,
    );
  });

  it('filters the list by level, store, join date and search; analytics and anniversaries answer', async () => {
    const customerId = await person(p.clients.r1);
    const m = await enrol(customerId, { storeId: p.departments.west, joinedOn: '2024-01-15' });
    const byStore = (await p.clients.admin.get(`/api/v1/members?storeId=${p.departments.west}`)).json();
    expect(byStore.items.map((x: { id: string }) => x.id)).toEqual([m.id]);
    const byNo = (await p.clients.admin.get(`/api/v1/members?q=${m.memberNo}`)).json();
    expect(byNo.items.map((x: { id: string }) => x.id)).toEqual([m.id]);
    const byDate = (await p.clients.admin.get('/api/v1/members?joinedFrom=2024-01-01&joinedTo=2024-01-31')).json();
    expect(byDate.items.map((x: { id: string }) => x.id)).toEqual([m.id]);
    const bad = await p.clients.admin.get('/api/v1/members?joinedFrom=2024-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toContain('入会日期起');

    const analytics = (await p.clients.admin.get('/api/v1/members/analytics')).json();
    expect(analytics.total).toBe(analytics.active + analytics.silent90 + analytics.silent180 + analytics.churned);
    expect(analytics.byLevel).toHaveLength(5);
    const year = await p.clients.admin.get('/api/v1/members/celebrations?kind=anniversary&days=366');
    expect(year.json().items.map((x: { memberId: string }) => x.memberId)).toContain(m.id);
    const value = (await p.clients.admin.get(`/api/v1/members/${m.id}/value`)).json();
    expect(value).toMatchObject({ ordersCount: 0, revenueFen: 0 });
  });
});

describe('members: level discount and price authority', () => {
  it("a member's level discount is within the salesperson's authority; the same price for a non-member needs approval", async () => {
    await fx.floor(ctx.database.db, { orgId: p.orgId, roleId: p.roleIds.salesperson! }, 10_000);
    const levels = (await p.clients.admin.get('/api/v1/member-levels')).json().items;
    const entry = levels.find((l: { threshold: number }) => l.threshold === 0);
    const changed = await p.clients.admin.patch(`/api/v1/member-levels/${entry.id}`, {
      nameZh: entry.nameZh,
      nameEn: entry.nameEn,
      threshold: 0,
      discountBp: 1000,
      version: entry.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const submitAt10Off = async (customerId: string) => {
      const order = await createOrder(p.clients.r1, {
        customerId,
        lines: [{ productId: widget, quantity: 1, discountBp: 1000 }],
      });
      return (await p.clients.r1.post(`/api/v1/orders/${order.id}/submit`, {})).json().status;
    };
    const memberCustomer = await person(p.clients.r1);
    await enrol(memberCustomer);
    expect(await submitAt10Off(memberCustomer)).toBe('submitted');
    expect(await submitAt10Off(await person(p.clients.r1))).toBe('pending_approval');
  });
});
