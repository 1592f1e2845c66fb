import { beforeAll, describe, expect, it } from 'vitest';
import { insertProduct, insertStockedWarehouse } from './customer-value.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
let productId: string;

beforeAll(async () => {
  // insertProduct: list price 100.00 yuan, cost 40.00 yuan.
  productId = await insertProduct(ctx.database.db, p.orgId);
  await insertStockedWarehouse(ctx.database.db, { orgId: p.orgId, productId, onHand: 100 });
});

describe('profit contribution from orders entered through the orders API', () => {
  it('counts an order once finance confirms it, and no longer once it is cancelled', async () => {
    const customerId = p.customers.r1[0]!;
    const value = async () => (await p.clients.r1.get(`/api/v1/customers/${customerId}/value`)).json();
    const created = await p.clients.r1.post('/api/v1/orders', { customerId, lines: [{ productId, quantity: 3 }] });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    expect((await p.clients.r1.post(`/api/v1/orders/${order.id}/submit`, {})).json().status).toBe('submitted');
    expect(await value()).toMatchObject({ ordersCount: 0, revenueFen: 0 });

    const confirmed = await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(await value()).toMatchObject({
      ordersCount: 1,
      revenueFen: 30_000,
      costFen: 12_000,
      profitFen: 18_000,
      marginPct: 60,
    });
    const ranked = (await p.clients.finance.get('/api/v1/reports/profit-contribution')).json();
    expect(ranked.items).toEqual([expect.objectContaining({ customerId, rank: 1, profitFen: 18_000 })]);

    const cancelled = await p.clients.finance.post(`/api/v1/orders/${order.id}/cancel`, { reason: '客户取消' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await value()).toMatchObject({ ordersCount: 0, revenueFen: 0, profitFen: 0 });
  });
});
