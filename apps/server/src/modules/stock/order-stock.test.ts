import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import type { Actor } from '../../platform/auth/actor.js';
import { newId } from '../../platform/db/ids.js';
import { actorOfClient } from '../../test/actors.js';
import { orderStock, type OrderStockLine } from './index.js';
import { auditRows, insertOrder, insertProduct, levelOf } from './stock.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
let warehouse: Actor;
let finance: Actor;
let mainId: string;
let southId: string;

beforeAll(async () => {
  warehouse = await actorOfClient(ctx, p.clients.warehouse);
  finance = await actorOfClient(ctx, p.clients.finance);
  mainId = (
    await p.clients.warehouse.post('/api/v1/warehouses', { code: 'MAIN', name: '主仓', isDefault: true })
  ).json().id;
  southId = (await p.clients.warehouse.post('/api/v1/warehouses', { code: 'SOUTH', name: '华南仓' })).json().id;
});

async function stocked(quantity: number, name?: string) {
  const product = await insertProduct(ctx, p.orgId, name ? { name } : {});
  const response = await p.clients.warehouse.post('/api/v1/stock-movements', {
    kind: 'receipt',
    warehouseId: mainId,
    productId: product.id,
    quantity,
  });
  expect(response.statusCode, response.body).toBe(201);
  return product;
}

const line = (product: { id: string; name: string }, quantity: number): OrderStockLine => ({
  lineId: newId(),
  productId: product.id,
  productName: product.name,
  quantity,
});

async function reserve(order: { id: string; orderNo: string }, lines: OrderStockLine[], warehouseId = mainId) {
  await ctx.database.db.transaction((tx) =>
    orderStock.reserveForOrder(tx, finance, {
      orgId: p.orgId,
      orderId: order.id,
      orderNo: order.orderNo,
      warehouseId,
      lines,
    }),
  );
}

async function shortError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('order stock: reserve, release, confirm', () => {
  it('finds the default warehouse', async () => {
    expect(await orderStock.defaultWarehouseId(ctx.database.db, p.orgId)).toBe(mainId);
  });

  it('reserves on confirmation (available drops, on hand stays) and lists the order as an issue to confirm', async () => {
    const product = await stocked(10);
    const order = await insertOrder(ctx, p, 'r1', mainId);
    // Two lines of the same product are summed before the check.
    await reserve(order, [line(product, 3), line(product, 4)]);
    expect(await levelOf(ctx, p.orgId, mainId, product.id)).toEqual({ onHand: 10, reserved: 7 });
    const stock = (await p.clients.warehouse.get(`/api/v1/stock?productId=${product.id}`)).json();
    expect(stock.items[0]).toMatchObject({ onHand: 10, reserved: 7, available: 3, low: true });

    const pending = (await p.clients.warehouse.get('/api/v1/stock-movements/pending-issues')).json();
    const mine = pending.items.find((i: { orderId: string }) => i.orderId === order.id);
    expect(mine).toMatchObject({ orderNo: order.orderNo, warehouseName: '主仓', customerId: p.customers.r1[0] });
    expect(mine.lines.map((l: { quantity: number }) => l.quantity)).toEqual([3, 4]);
    // Scope: the order's customer belongs to r1, so r2 sees neither the queue entry nor the order number.
    const r2Pending = (await p.clients.r2.get('/api/v1/stock-movements/pending-issues')).json();
    expect(r2Pending.items.find((i: { orderId: string }) => i.orderId === order.id)).toBeUndefined();
    const r1Moves = (await p.clients.r1.get(`/api/v1/stock-movements?orderId=${order.id}&status=pending`)).json();
    expect(r1Moves.items).toHaveLength(2);
    expect(r1Moves.items[0]).toMatchObject({
      kind: 'issue',
      status: 'pending',
      orderNo: order.orderNo,
      reason: 'order',
    });
    const audits = await auditRows(ctx, p.orgId, 'stock_movement', r1Moves.items[0].id);
    expect(audits).toEqual([expect.objectContaining({ action: 'create', actorId: p.users.finance.id })]);
  });

  it("filtering movements by an order outside the caller's scope lists nothing; in scope it lists the order's lines", async () => {
    const product = await stocked(5);
    const order = await insertOrder(ctx, p, 'r1', mainId);
    await reserve(order, [line(product, 2)]);
    const byOrder = `/api/v1/stock-movements?orderId=${order.id}`;
    const mine = (await p.clients.r1.get(byOrder)).json();
    expect(mine.items).toEqual([
      expect.objectContaining({ kind: 'issue', orderId: order.id, orderNo: order.orderNo, quantity: 2 }),
    ]);
    // r2 cannot open the order, so the filter finds nothing of it either: an empty page, as for an unknown order.
    expect((await p.clients.r2.get(`/api/v1/orders/${order.id}`)).statusCode).toBe(404);
    const theirs = await p.clients.r2.get(byOrder);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toEqual({ items: [], nextCursor: null });
    expect((await p.clients.r2.get(`/api/v1/stock-movements?orderId=${newId()}`)).json().items).toEqual([]);
    // Unfiltered, the movement still shows (stock belongs to the organization), without the order's number or id.
    const all = (await p.clients.r2.get(`/api/v1/stock-movements?productId=${product.id}`)).json();
    expect(all.items).toContainEqual(expect.objectContaining({ id: mine.items[0].id, orderId: null, orderNo: null }));
  });

  it('refuses a shortage with 409 naming the product and reserves nothing of the order', async () => {
    const plenty = await stocked(10);
    const scarce = await stocked(2, '工业探头');
    const order = await insertOrder(ctx, p, 'r1', mainId);
    const error = await shortError(reserve(order, [line(plenty, 5), line(scarce, 3)]));
    expect(error.status).toBe(409);
    expect(error.key).toBe('error.stock.short');
    expect(error.options.params).toEqual({ product: '工业探头', available: 2, requested: 3 });
    expect(await levelOf(ctx, p.orgId, mainId, plenty.id)).toEqual({ onHand: 10, reserved: 0 });
    const moves = (await p.clients.warehouse.get(`/api/v1/stock-movements?orderId=${order.id}`)).json();
    expect(moves.items).toHaveLength(0);
    // A product never received into the warehouse has nothing available.
    const elsewhere = await shortError(reserve(order, [line(plenty, 1)], southId));
    expect(elsewhere.options.params).toMatchObject({ available: 0, requested: 1 });
  });

  it('releases on cancellation, once', async () => {
    const product = await stocked(5);
    const order = await insertOrder(ctx, p, 'r1', mainId);
    await reserve(order, [line(product, 5)]);
    await ctx.database.db.transaction((tx) =>
      orderStock.releaseForOrder(tx, finance, { orgId: p.orgId, orderId: order.id }),
    );
    await ctx.database.db.transaction((tx) =>
      orderStock.releaseForOrder(tx, finance, { orgId: p.orgId, orderId: order.id }),
    );
    expect(await levelOf(ctx, p.orgId, mainId, product.id)).toEqual({ onHand: 5, reserved: 0 });
    const moves = (await p.clients.warehouse.get(`/api/v1/stock-movements?orderId=${order.id}`)).json();
    expect(moves.items.map((m: { status: string }) => m.status)).toEqual(['cancelled']);
    expect((await auditRows(ctx, p.orgId, 'stock_movement', moves.items[0].id)).map((a) => a.action).sort()).toEqual([
      'cancel',
      'create',
    ]);
  });

  it('confirms the issue: on hand and reserved drop, the queue empties, a second confirmation finds nothing', async () => {
    const product = await stocked(8);
    const order = await insertOrder(ctx, p, 'r2', mainId);
    await reserve(order, [line(product, 6)]);
    const confirm = () =>
      ctx.database.db.transaction((tx) =>
        orderStock.confirmIssuesForOrder(tx, warehouse, { orgId: p.orgId, orderId: order.id }),
      );
    expect(await confirm()).toBe(1);
    expect(await confirm()).toBe(0);
    expect(await levelOf(ctx, p.orgId, mainId, product.id)).toEqual({ onHand: 2, reserved: 0 });
    const moves = (await p.clients.warehouse.get(`/api/v1/stock-movements?orderId=${order.id}`)).json();
    expect(moves.items[0]).toMatchObject({
      status: 'done',
      confirmedBy: p.users.warehouse.id,
      confirmedByName: expect.any(String),
    });
    const pending = (await p.clients.warehouse.get('/api/v1/stock-movements/pending-issues')).json();
    expect(pending.items.find((i: { orderId: string }) => i.orderId === order.id)).toBeUndefined();
    // Releasing after shipping changes nothing: the stock has left.
    await ctx.database.db.transaction((tx) =>
      orderStock.releaseForOrder(tx, finance, { orgId: p.orgId, orderId: order.id }),
    );
    expect(await levelOf(ctx, p.orgId, mainId, product.id)).toEqual({ onHand: 2, reserved: 0 });
  });
});

describe('order stock: concurrency', () => {
  it('lets exactly one of two simultaneous confirmations take the last unit', async () => {
    const product = await stocked(1, '最后一台');
    const orders = [await insertOrder(ctx, p, 'r1', mainId), await insertOrder(ctx, p, 'r2', mainId)];
    const concurrent = ctx.database.kind === 'postgres';
    // On PostgreSQL both transactions are open before either reserves, and the first holds its
    // row lock a moment before committing; PGlite has one connection, so they run one after another.
    let arrived = 0;
    let release!: () => void;
    const bothOpen = new Promise<void>((resolve) => (release = resolve));
    const attempt = (order: { id: string; orderNo: string }) =>
      ctx.database.db.transaction(async (tx) => {
        if (concurrent) {
          await tx.execute('select 1');
          if (++arrived === 2) release();
          await bothOpen;
        }
        await orderStock.reserveForOrder(tx, finance, {
          orgId: p.orgId,
          orderId: order.id,
          orderNo: order.orderNo,
          warehouseId: mainId,
          lines: [line(product, 1)],
        });
        if (concurrent) await new Promise((resolve) => setTimeout(resolve, 100));
      });
    const results = await Promise.allSettled(orders.map(attempt));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({
      status: 409,
      key: 'error.stock.short',
      options: { params: { product: '最后一台', available: 0, requested: 1 } },
    });
    expect(await levelOf(ctx, p.orgId, mainId, product.id)).toEqual({ onHand: 1, reserved: 1 });
  });
});
