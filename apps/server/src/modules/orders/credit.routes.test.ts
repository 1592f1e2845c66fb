import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { orders, paymentPlans } from '../../platform/db/schema/index.js';
import { createOrder, orderFixtures as fx } from '../../test/order-fixtures.js';
import { usePersonas } from '../../test/file-context.js';
import { errorFieldsOf } from '../../test/responses.js';

const { ctx, p } = usePersonas({ customersEach: 2 });
let widget: string;

/** A confirmed order of `quantity` widgets (100 yuan each) for a customer of r1, confirmed `daysAgo` days ago. */
async function confirmed(customerId: string, quantity: number, daysAgo: number) {
  const order = await createOrder(p.clients.r1, { customerId, lines: [{ productId: widget, quantity }] });
  await p.clients.r1.post(`/api/v1/orders/${order.id}/submit`, {});
  const response = await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, { creditOverrideReason: '测试' });
  expect(response.statusCode, response.body).toBe(200);
  await ctx.database.db
    .update(orders)
    .set({ confirmedAt: sql`now() - make_interval(days => ${daysAgo})` })
    .where(and(eq(orders.orgId, p.orgId), eq(orders.id, order.id)));
  return order.id as string;
}

beforeAll(async () => {
  const db = ctx.database.db;
  const warehouseId = await fx.warehouse(db, p.orgId);
  widget = await fx.product(db, p.orgId, { listPriceFen: 10_000, costPriceFen: 6_000 });
  await fx.stock(db, { orgId: p.orgId, warehouseId, productId: widget }, 1000);
});

describe('credit: limits per customer', () => {
  it('sets a limit (credit.manage, audited, versioned) and reads it in the customer scope', async () => {
    const customerId = p.customers.r1[0]!;
    const none = (await p.clients.r1.get(`/api/v1/customers/${customerId}/credit`)).json();
    expect(none).toMatchObject({
      limitFen: null,
      termDays: 30,
      outstandingFen: 0,
      availableFen: null,
      overdueFen: 0,
      version: 0,
    });
    expect(
      (await p.clients.r1.put(`/api/v1/customers/${customerId}/credit`, { limitFen: 1, termDays: 1 })).statusCode,
    ).toBe(403);
    const set = await p.clients.finance.put(`/api/v1/customers/${customerId}/credit`, {
      limitFen: 5_000_000,
      termDays: 45,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ limitFen: 5_000_000, termDays: 45, availableFen: 5_000_000, version: 1 });
    const stale = await p.clients.finance.put(`/api/v1/customers/${customerId}/credit`, {
      limitFen: 1,
      termDays: 1,
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    const updated = await p.clients.finance.put(`/api/v1/customers/${customerId}/credit`, {
      limitFen: 6_000_000,
      termDays: 45,
      version: 1,
    });
    expect(updated.json()).toMatchObject({ limitFen: 6_000_000, version: 2 });
    const bad = await p.clients.finance.put(`/api/v1/customers/${customerId}/credit`, {
      limitFen: 10.5,
      termDays: 5000,
    });
    expect(bad.statusCode).toBe(400);
    expect(errorFieldsOf(bad)).toEqual(['limitFen', 'termDays']);
    expect(bad.json().error.fields.find((f: { field: string }) => f.field === 'termDays').message).toBe(
      '账期（天）不能大于 3650',
    );
    expect((await p.clients.r2.get(`/api/v1/customers/${customerId}/credit`)).statusCode).toBe(404);
    expect((await p.clients.service.get(`/api/v1/customers/${customerId}/credit`)).statusCode).toBe(403);
    const audits = await fx.audits(ctx.database.db, p.orgId, customerId);
    const credit = audits.filter((a) => a.action === 'create' || a.action === 'update').slice(-2);
    expect(credit.map((a) => a.after)).toEqual([
      { limitFen: 5_000_000, termDays: 45 },
      { limitFen: 6_000_000, termDays: 45 },
    ]);
  });

  it('counts overdue past the term, and by plan installments for orders with a payment plan', async () => {
    const customerId = p.customers.r1[1]!;
    await p.clients.finance.put(`/api/v1/customers/${customerId}/credit`, { limitFen: 100_000, termDays: 10 });
    await confirmed(customerId, 1, 30); // past 10 days → overdue 10 000
    await confirmed(customerId, 2, 2); // within the term
    const planned = await confirmed(customerId, 4, 60); // has a plan: only its due installment counts
    await ctx.database.db.insert(paymentPlans).values([
      {
        orgId: p.orgId,
        id: newId(),
        orderId: planned,
        customerId,
        installmentNo: 1,
        dueDate: '2020-01-01',
        amountFen: 15_000,
        paidFen: 5_000,
        createdBy: p.users.finance.id,
      },
      {
        orgId: p.orgId,
        id: newId(),
        orderId: planned,
        customerId,
        installmentNo: 2,
        dueDate: '2999-01-01',
        amountFen: 25_000,
        createdBy: p.users.finance.id,
      },
    ]);
    const credit = (await p.clients.finance.get(`/api/v1/customers/${customerId}/credit`)).json();
    expect(credit).toMatchObject({
      limitFen: 100_000,
      outstandingFen: 70_000,
      availableFen: 30_000,
      overdueFen: 10_000 + 10_000,
    });
  });

  it('lists the credit report for finance: over-limit filter, sorts and paging, scope for salespeople', async () => {
    const over = p.customers.r2[0]!;
    await p.clients.finance.put(`/api/v1/customers/${over}/credit`, { limitFen: 0, termDays: 30 });
    const order = await createOrder(p.clients.r2, { customerId: over, lines: [{ productId: widget, quantity: 1 }] });
    await p.clients.r2.post(`/api/v1/orders/${order.id}/submit`, {});
    await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, { creditOverrideReason: '老客户' });
    const report = (await p.clients.finance.get('/api/v1/reports/credit')).json();
    expect(report.items.map((r: { customerId: string }) => r.customerId)).toEqual([
      p.customers.r1[1],
      over,
      p.customers.r1[0],
    ]);
    expect(report.items[0]).toMatchObject({
      usedFen: 70_000,
      limitFen: 100_000,
      availableFen: 30_000,
      overdueFen: 20_000,
      ownerId: p.users.r1.id,
    });
    const overOnly = (await p.clients.finance.get('/api/v1/reports/credit?overOnly=true')).json();
    expect(overOnly.items).toEqual([
      expect.objectContaining({ customerId: over, usedFen: 10_000, availableFen: -10_000 }),
    ]);
    const page1 = (await p.clients.finance.get('/api/v1/reports/credit?limit=1&sort=name')).json();
    const page2 = (
      await p.clients.finance.get(`/api/v1/reports/credit?limit=5&sort=name&cursor=${page1.nextCursor}`)
    ).json();
    expect(page1.items.length + page2.items.length).toBe(3);
    const byUsed2 = (await p.clients.finance.get(`/api/v1/reports/credit?limit=1`)).json();
    const byUsedRest = (await p.clients.finance.get(`/api/v1/reports/credit?cursor=${byUsed2.nextCursor}`)).json();
    expect(byUsedRest.items.map((r: { customerId: string }) => r.customerId)).toEqual([over, p.customers.r1[0]]);
    expect((await p.clients.finance.get('/api/v1/reports/credit?cursor=bad')).statusCode).toBe(400);
    const mine = (await p.clients.r2.get('/api/v1/reports/credit')).json();
    expect(mine.items.map((r: { customerId: string }) => r.customerId)).toEqual([over]);
  });
});

describe('finance settings', () => {
  it('reads defaults, saves with version (audited), checks bounds, and numbers orders with the prefix', async () => {
    const defaults = (await p.clients.finance.get('/api/v1/finance-settings')).json();
    expect(defaults).toEqual({
      creditMode: 'block',
      defaultTermDays: 30,
      orderNoPrefix: 'DD',
      pyramidPlatinumPct: 5,
      pyramidGoldPct: 20,
      abcAPct: 80,
      abcBPct: 95,
      version: 0,
    });
    expect((await p.clients.r1.put('/api/v1/finance-settings', defaults)).statusCode).toBe(403);
    const badPrefix = await p.clients.finance.put('/api/v1/finance-settings', { ...defaults, orderNoPrefix: 'so_' });
    expect(badPrefix.json().error.fields).toEqual([{ field: 'orderNoPrefix', message: '订单编号前缀格式不正确' }]);
    const badGold = await p.clients.finance.put('/api/v1/finance-settings', { ...defaults, pyramidGoldPct: 5 });
    expect(badGold.json().error.fields).toEqual([{ field: 'pyramidGoldPct', message: '黄金客户占比（%）必须大于 5' }]);
    const saved = await p.clients.finance.put('/api/v1/finance-settings', {
      ...defaults,
      orderNoPrefix: 'SO-',
      defaultTermDays: 60,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ orderNoPrefix: 'SO-', defaultTermDays: 60, version: 1 });
    expect((await p.clients.finance.put('/api/v1/finance-settings', defaults)).statusCode).toBe(409);
    const order = await createOrder(p.clients.r1, {
      customerId: p.customers.r1[0]!,
      lines: [{ productId: widget, quantity: 1 }],
    });
    expect(order.orderNo).toMatch(/^SO-\d{6}$/);
    const audits = await fx.audits(ctx.database.db, p.orgId, p.orgId);
    expect(audits.at(-1)).toMatchObject({
      before: { defaultTermDays: 30 },
      after: { defaultTermDays: 60, orderNoPrefix: 'SO-' },
    });
  });
});
