import { beforeAll, describe, expect, it } from 'vitest';
import { createOrder, orderFixtures as fx } from '../../test/order-fixtures.js';
import { dayOffset } from './payments.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
let productId: string;

beforeAll(async () => {
  const db = ctx.database.db;
  const warehouseId = await fx.warehouse(db, p.orgId);
  productId = await fx.product(db, p.orgId, { listPriceFen: 25_000, costPriceFen: 10_000 });
  await fx.stock(db, { orgId: p.orgId, warehouseId, productId }, 100);
});

describe('payments through the order lifecycle', () => {
  it('order → confirm → payment: the order and the customer outstanding fall by the amount paid', async () => {
    const customerId = p.customers.r1[0]!;
    const order = await createOrder(p.clients.r1, { customerId, lines: [{ productId, quantity: 4 }] });
    expect(order.totalFen).toBe(100_000);
    // Before confirmation the order owes nothing yet: no payment.
    const early = await p.clients.finance.post('/api/v1/payments', {
      orderId: order.id,
      amountFen: 10_000,
      method: 'bank_transfer',
      receivedOn: dayOffset(-1),
    });
    expect(early.statusCode).toBe(422);
    expect((await p.clients.r1.post(`/api/v1/orders/${order.id}/submit`, {})).statusCode).toBe(200);
    const confirmed = await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const outstanding = async () =>
      (await p.clients.finance.get(`/api/v1/customers/${customerId}/credit`)).json().outstandingFen;
    expect(await outstanding()).toBe(100_000);

    const paid = await p.clients.finance.post('/api/v1/payments', {
      orderId: order.id,
      amountFen: 60_000,
      method: 'acceptance_bill',
      receivedOn: dayOffset(-1),
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const after = await p.clients.r1.get(`/api/v1/orders/${order.id}`);
    expect(after.json()).toMatchObject({ paidFen: 60_000, status: 'confirmed' });
    // A payment is not an edit: the order's version stays, so an open edit form is not made stale.
    expect(after.json().version).toBe(confirmed.json().version);
    expect(await outstanding()).toBe(40_000);

    await p.clients.finance.post(`/api/v1/payments/${paid.json().id}/void`, { reason: '票据退回' });
    expect(await outstanding()).toBe(100_000);
  });
});
