import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../test/test-app.js';
import { insertProduct, levelOf } from './stock.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

/** The warehouse's side of an order through the HTTP API: reserve on confirmation, issue on "confirm issue". */
const { ctx, p } = usePersonas({ customersEach: 2 });
let mainId: string;

beforeAll(async () => {
  mainId = (
    await p.clients.warehouse.post('/api/v1/warehouses', { code: 'MAIN', name: '主仓', isDefault: true })
  ).json().id;
});

async function stocked(quantity: number, name: string) {
  const product = await insertProduct(ctx, p.orgId, { name });
  const receipt = await p.clients.warehouse.post('/api/v1/stock-movements', {
    kind: 'receipt',
    warehouseId: mainId,
    productId: product.id,
    quantity,
  });
  expect(receipt.statusCode, receipt.body).toBe(201);
  return product;
}

/** A submitted order of the customer's owner, at list price. */
async function submitted(client: Client, customerId: string, productId: string, quantity: number) {
  const created = await client.post('/api/v1/orders', { customerId, lines: [{ productId, quantity }] });
  expect(created.statusCode, created.body).toBe(201);
  const submit = await client.post(`/api/v1/orders/${created.json().id}/submit`, {});
  expect(submit.statusCode, submit.body).toBe(200);
  return submit.json() as { id: string; orderNo: string; status: string };
}

describe('stock through the order flow', () => {
  it('finance confirms → reserved and queued; the warehouse confirms the issue → stock leaves', async () => {
    const product = await stocked(10, '智能网关');
    const order = await submitted(p.clients.r1, p.customers.r1[0]!, product.id, 4);
    expect(order.status).toBe('submitted');
    const confirmed = await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(await levelOf(ctx, p.orgId, mainId, product.id)).toEqual({ onHand: 10, reserved: 4 });

    const queue = (await p.clients.warehouse.get('/api/v1/stock-movements/pending-issues')).json();
    expect(queue.items).toEqual([
      expect.objectContaining({
        orderId: order.id,
        orderNo: order.orderNo,
        warehouseName: '主仓',
        lines: [expect.objectContaining({ productName: '智能网关', quantity: 4, onHand: 10 })],
      }),
    ]);
    expect((await p.clients.r1.post(`/api/v1/orders/${order.id}/ship`, {})).statusCode).toBe(403);
    const shipped = await p.clients.warehouse.post(`/api/v1/orders/${order.id}/ship`, {});
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(await levelOf(ctx, p.orgId, mainId, product.id)).toEqual({ onHand: 6, reserved: 0 });
    expect((await p.clients.warehouse.get('/api/v1/stock-movements/pending-issues')).json().items).toEqual([]);
    const moves = (await p.clients.warehouse.get(`/api/v1/stock-movements?orderId=${order.id}`)).json().items;
    expect(moves).toEqual([
      expect.objectContaining({ kind: 'issue', status: 'done', confirmedBy: p.users.warehouse.id }),
    ]);
  });

  it('two simultaneous confirmations of the last unit: exactly one succeeds, the other is a 409 naming the product', async () => {
    const product = await stocked(1, '最后一台主机');
    const orders = [
      await submitted(p.clients.r1, p.customers.r1[1]!, product.id, 1),
      await submitted(p.clients.r2, p.customers.r2[0]!, product.id, 1),
    ];
    const answers = await Promise.all(orders.map((o) => p.clients.finance.post(`/api/v1/orders/${o.id}/confirm`, {})));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.statusCode === 409)!;
    expect(refused.json().error.message).toBe('最后一台主机 库存不足：可用 0，需要 1。');
    expect(await levelOf(ctx, p.orgId, mainId, product.id)).toEqual({ onHand: 1, reserved: 1 });
  });
});
