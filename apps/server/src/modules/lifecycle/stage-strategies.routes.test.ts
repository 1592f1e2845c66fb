import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StageStrategy } from '@guanxi/contract';
import { queryRows } from '../../platform/db/query.js';
import { createOrder, orderFixtures as fx } from '../../test/order-fixtures.js';
import { usePersonas } from '../../test/file-context.js';

/** Issue 13 item 4: per-stage strategy beyond price, through the HTTP API. */
const { ctx, p } = usePersonas({ customersEach: 4 });
const DAY = 86_400_000;
let widget: string;

interface TaskRow {
  title: string;
  assigneeId: string;
  dueAt: Date;
  description: string | null;
  createdBy: string;
}
const tasksOf = (customerId: string) =>
  queryRows<TaskRow>(
    ctx.database.db,
    sql`select title, assignee_id as "assigneeId", due_at as "dueAt", description, created_by as "createdBy"
          from tasks where org_id = ${p.orgId} and related_type = 'customer' and related_id = ${customerId}
         order by created_at, id`,
  );
const strategies = async (): Promise<StageStrategy[]> =>
  (await p.clients.admin.get('/api/v1/lifecycle/stage-strategies')).json().items;
const saveStrategies = (items: StageStrategy[]) => p.clients.admin.put('/api/v1/lifecycle/stage-strategies', { items });
const withStage = (items: StageStrategy[], stage: string, change: Partial<StageStrategy>) =>
  items.map((s) => (s.stage === stage ? { ...s, ...change } : s));

/** An order of the customer's owner, submitted and confirmed by finance. */
async function confirmedOrder(customerId: string, client = p.clients.r1) {
  const order = await createOrder(client, { customerId, lines: [{ productId: widget, quantity: 1 }] });
  expect((await client.post(`/api/v1/orders/${order.id}/submit`, {})).statusCode).toBe(200);
  const confirmed = await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {});
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return confirmed.json() as { id: string; orderNo: string; isFirstOrder: boolean; version: number };
}

beforeAll(async () => {
  const db = ctx.database.db;
  const warehouseId = await fx.warehouse(db, p.orgId);
  widget = await fx.product(db, p.orgId, { listPriceFen: 10_000, costPriceFen: 6_000, name: '控制器' });
  await fx.stock(db, { orgId: p.orgId, warehouseId, productId: widget }, 1000);
});

describe('stage strategy settings', () => {
  it('a new organization starts with the defaults', async () => {
    const items = await strategies();
    expect(items.map((s) => [s.stage, s.followUpEveryDays, s.firstOrderCare])).toEqual([
      ['prospect', 15, false],
      ['interested', 7, false],
      ['first_purchase', 14, true],
      ['repeat', 30, false],
      ['lost', null, false],
    ]);
    expect(items.find((s) => s.stage === 'first_purchase')).toMatchObject({
      returnVisitDays: 7,
      defaultTasks: [{ title: '首单回访确认交付', kind: 'call', dueAfterDays: 3 }],
    });
  });

  it('saves with an audit row; needs lifecycle.manage', async () => {
    const items = withStage(await strategies(), 'interested', {
      defaultTasks: [{ title: '  电话了解需求  ', kind: 'call', dueAfterDays: 2 }],
    });
    expect((await p.clients.r1.put('/api/v1/lifecycle/stage-strategies', { items })).statusCode).toBe(403);
    const saved = await saveStrategies(items);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().items.find((s: StageStrategy) => s.stage === 'interested').defaultTasks).toEqual([
      { title: '电话了解需求', kind: 'call', dueAfterDays: 2 },
    ]);
    const audits = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log where org_id = ${p.orgId} and entity = 'lifecycle_stage_strategies'`,
    );
    expect(audits[0]!.n).toBe(1);
  });

  it('answers 400 with the field named for a missing stage, a blank title, a bad cadence or an unknown field', async () => {
    const items = await strategies();
    const missing = await saveStrategies(items.slice(1));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0]).toMatchObject({ field: 'items' });
    const blank = await saveStrategies(
      withStage(items, 'repeat', { defaultTasks: [{ title: '   ', kind: 'other', dueAfterDays: 1 }] }),
    );
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].field).toBe('defaultTasks');
    const zero = await saveStrategies(withStage(items, 'repeat', { followUpEveryDays: 400 }));
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.fields[0].message).toContain('跟进频率');
    const negative = await saveStrategies(withStage(items, 'repeat', { returnVisitDays: -1 }));
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.fields[0].message).toBe('条目第 4 项的交付后回访（天）不能小于 0');
    const unknown = await saveStrategies(items.map((s) => ({ ...s, owner: 'x' }) as StageStrategy));
    expect(unknown.statusCode).toBe(400);
  });
});

describe('default tasks on entering a stage', () => {
  it('a manual move creates the stage’s tasks for the owner, due N days after the move', async () => {
    const customerId = p.customers.r1[0]!;
    const before = Date.now();
    const moved = await p.clients.r1.post(`/api/v1/customers/${customerId}/stage-transitions`, {
      to: 'interested',
      reason: '客户询价',
    });
    expect(moved.statusCode, moved.body).toBe(201);
    const tasks = await tasksOf(customerId);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: '电话了解需求', assigneeId: p.users.r1.id, createdBy: p.users.r1.id });
    expect(tasks[0]!.description).toContain('电话');
    const due = new Date(tasks[0]!.dueAt).getTime();
    expect(due).toBeGreaterThanOrEqual(before + 2 * DAY);
    expect(due).toBeLessThanOrEqual(Date.now() + 2 * DAY);
  });

  it('an order confirmation (automatic move) creates the first-purchase task for the owner, not for finance', async () => {
    const customerId = p.customers.r1[1]!;
    await confirmedOrder(customerId);
    const tasks = await tasksOf(customerId);
    expect(tasks.map((t) => [t.title, t.assigneeId])).toEqual([['首单回访确认交付', p.users.r1.id]]);
  });
});

describe('first-order care', () => {
  it('flags the first confirmed order 首单 and not the second; the list filters by it', async () => {
    const customerId = p.customers.r2[0]!;
    const first = await confirmedOrder(customerId, p.clients.r2);
    expect(first.isFirstOrder).toBe(true);
    const second = await confirmedOrder(customerId, p.clients.r2);
    expect(second.isFirstOrder).toBe(false);
    const firstOnly = (await p.clients.r2.get('/api/v1/orders?firstOrder=true')).json().items;
    expect(firstOnly.map((o: { id: string }) => o.id)).toEqual([first.id]);
    const pending = (await p.clients.warehouse.get('/api/v1/stock-movements/pending-issues')).json().items;
    expect(pending.find((i: { orderId: string }) => i.orderId === first.id).isFirstOrder).toBe(true);
    expect(pending.find((i: { orderId: string }) => i.orderId === second.id).isFirstOrder).toBe(false);
  });

  it('no flag while the stage that the first order leads to has first-order care off', async () => {
    await saveStrategies(withStage(await strategies(), 'first_purchase', { firstOrderCare: false }));
    const order = await confirmedOrder(p.customers.r2[1]!, p.clients.r2);
    expect(order.isFirstOrder).toBe(false);
    await saveStrategies(withStage(await strategies(), 'first_purchase', { firstOrderCare: true }));
  });

  it('delivery of a first order creates the return visit for the owner due N days later; other orders none', async () => {
    await saveStrategies(withStage(await strategies(), 'first_purchase', { returnVisitDays: 5 }));
    const customerId = p.customers.r3[0]!;
    const first = await confirmedOrder(customerId, p.clients.r3);
    const second = await confirmedOrder(customerId, p.clients.r3);
    const countBefore = (await tasksOf(customerId)).length;
    const shipped = await p.clients.warehouse.post(`/api/v1/orders/${first.id}/ship`, {});
    expect(shipped.statusCode, shipped.body).toBe(200);
    const tasks = (await tasksOf(customerId)).slice(countBefore);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: `首单回访：订单 ${first.orderNo}`, assigneeId: p.users.r3.id });
    const shippedAt = new Date(shipped.json().shippedAt).getTime();
    expect(new Date(tasks[0]!.dueAt).getTime()).toBe(shippedAt + 5 * DAY);
    expect((await p.clients.warehouse.post(`/api/v1/orders/${second.id}/ship`, {})).statusCode).toBe(200);
    expect((await tasksOf(customerId)).length).toBe(countBefore + 1);
  });
});

describe('follow-up cadence', () => {
  it('the list filter returns exactly the customers past their stage’s cadence; the customer hint says so', async () => {
    const db = ctx.database.db;
    const [a, b, c, d] = p.customers.eastManager;
    const set = (id: string, stage: string, lastFollowUpDaysAgo: number | null, createdDaysAgo: number) =>
      db.execute(sql`update customers set stage = ${stage},
          last_follow_up_at = ${lastFollowUpDaysAgo === null ? null : new Date(Date.now() - lastFollowUpDaysAgo * DAY)},
          created_at = ${new Date(Date.now() - createdDaysAgo * DAY)}
        where org_id = ${p.orgId} and id = ${id}`);
    // interested: every 7 days; prospect: every 15; lost: none.
    await set(a!, 'interested', 12, 40); // overdue (12 > 7)
    await set(b!, 'interested', 3, 40); // not yet
    await set(c!, 'prospect', null, 20); // no follow-up, created 20 days ago > 15: overdue
    await set(d!, 'lost', 400, 500); // no cadence: never overdue
    const listed = await p.clients.eastManager.get(
      '/api/v1/customers?followUpOverdue=true&ownerId=' + p.users.eastManager.id,
    );
    expect(listed.statusCode, listed.body).toBe(200);
    expect(
      listed
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([a, c].sort());

    const hint = (await p.clients.eastManager.get(`/api/v1/customers/${a}/follow-up-cadence`)).json();
    expect(hint).toEqual({
      stage: 'interested',
      everyDays: 7,
      daysSinceLastFollowUp: 12,
      hasFollowUp: true,
      overdue: true,
    });
    const none = (await p.clients.eastManager.get(`/api/v1/customers/${d}/follow-up-cadence`)).json();
    expect(none).toMatchObject({ everyDays: null, overdue: false });
    expect((await p.clients.r1.get(`/api/v1/customers/${a}/follow-up-cadence`)).statusCode).toBe(404);
  });
});
