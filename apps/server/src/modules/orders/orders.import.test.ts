import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../platform/events/index.js';
import { actorOfClient } from '../../test/actors.js';
import { usePersonas } from '../../test/file-context.js';
import { subscribeLifecycleRules } from '../lifecycle/index.js';
import { insertPayment } from '../payments/index.js';
import { orderFixtures as fx } from '../../test/order-fixtures.js';
import { findOrdersByNumber, insertImportedOrder, type ImportedOrder } from './orders.import.js';

const { ctx, p } = usePersonas({ customersEach: 2 });

async function importOrders(orders: ImportedOrder[]) {
  const actor = await actorOfClient(ctx, p.clients.r1);
  const events = createEventBus();
  subscribeLifecycleRules(events);
  return ctx.database.db.transaction(async (tx) => {
    const written = [];
    for (const order of orders) written.push(await insertImportedOrder(tx, { actor, events, now: new Date() }, order));
    return written;
  });
}

describe('imported orders', () => {
  it('keep their number, state and date, credit the customer owner and move the customer like confirmed orders', async () => {
    const db = ctx.database.db;
    const productId = await fx.product(db, p.orgId, { listPriceFen: 9_500, costPriceFen: 5_000 });
    const customerId = p.customers.r1[0]!;
    const line = { productId, quantity: 30, unitPriceFen: 9_570, discountBp: 0 };
    const [shipped, resolved, cancelled] = await importOrders([
      { orderNo: '10107', customerId, status: 'shipped', orderDate: '2003-02-24', lines: [line] },
      { orderNo: '10121', customerId, status: 'completed', orderDate: '2003-05-07', lines: [line, line] },
      { orderNo: '10167', customerId, status: 'cancelled', orderDate: '2003-10-23', lines: [line] },
    ]);
    expect(shipped).toMatchObject({ orderNo: '10107', totalFen: 287_100 });
    expect(resolved!.totalFen).toBe(2 * 287_100);

    const order = (await p.clients.r1.get(`/api/v1/orders/${shipped!.id}`)).json();
    expect(order).toMatchObject({
      status: 'shipped',
      orderDate: '2003-02-24',
      ownerId: p.users.r1.id,
      customerStage: 'repeat',
      // Start of the order date in Asia/Shanghai.
      confirmedAt: '2003-02-23T16:00:00.000Z',
      shippedAt: '2003-02-23T16:00:00.000Z',
      completedAt: null,
    });
    expect(order.lines[0]).toMatchObject({ quantity: 30, unitPriceFen: 9_570, lineTotalFen: 287_100 });
    const gone = (await p.clients.r1.get(`/api/v1/orders/${cancelled!.id}`)).json();
    expect(gone).toMatchObject({ status: 'cancelled', confirmedAt: null, cancelledAt: '2003-10-22T16:00:00.000Z' });

    const stages = (await p.clients.r1.get(`/api/v1/customers/${customerId}/stage-transitions`)).json();
    expect(JSON.stringify(stages)).toContain('first_purchase');
  });

  it('take a new number when the file number is used, and refuse an inactive product or a customer out of the importer scope', async () => {
    const db = ctx.database.db;
    const productId = await fx.product(db, p.orgId, { listPriceFen: 100, costPriceFen: 50 });
    const retired = await fx.product(db, p.orgId, { listPriceFen: 100, costPriceFen: 50, active: false });
    const customerId = p.customers.r1[1]!;
    const order = { customerId, status: 'draft' as const, orderDate: '2024-01-02' };
    const [again] = await importOrders([{ ...order, orderNo: '10107', lines: [{ productId, quantity: 1 }] }]);
    expect(again!.orderNo).toMatch(/^DD\d{6}$/);
    await expect(
      importOrders([{ ...order, orderNo: 'X-1', lines: [{ productId: retired, quantity: 1 }] }]),
    ).rejects.toMatchObject({ options: { fields: [{ field: 'lines.0.productId' }] } });
    await expect(
      importOrders([{ ...order, customerId: p.customers.r3[0]!, orderNo: 'X-2', lines: [{ productId, quantity: 1 }] }]),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('are found by number for payments, which move their paid amount', async () => {
    const actor = await actorOfClient(ctx, p.clients.r1);
    const found = await findOrdersByNumber(ctx.database.db, actor, ['10107', 'nope']);
    expect([...found.keys()]).toEqual(['10107']);
    const order = found.get('10107')!;
    await ctx.database.db.transaction((tx) =>
      insertPayment(
        tx,
        actor,
        { orderId: order.id, amountFen: 100_000, method: 'bank_transfer', receivedOn: '2003-03-01' },
        { audited: false },
      ),
    );
    expect((await p.clients.r1.get(`/api/v1/orders/${order.id}`)).json().paidFen).toBe(100_000);
  });
});
