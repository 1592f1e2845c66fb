import { beforeAll, describe, expect, it } from 'vitest';
import { createOrder, orderFixtures as fx } from '../../test/order-fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 3 });
let warehouseId: string;
let widget: string;
let unstocked: string;

beforeAll(async () => {
  const db = ctx.database.db;
  warehouseId = await fx.warehouse(db, p.orgId);
  widget = await fx.product(db, p.orgId, { listPriceFen: 10_000, costPriceFen: 6_000, name: '控制器' });
  unstocked = await fx.product(db, p.orgId, { listPriceFen: 2_000, costPriceFen: 1_500, name: '配件' });
  await fx.stock(db, { orgId: p.orgId, warehouseId, productId: widget }, 40);
  // Salespeople may go down to 85 % of the list price without approval.
  await fx.floor(db, { orgId: p.orgId, roleId: p.roleIds.salesperson! }, 8500);
});

describe('order price guide (issue 14 §7)', () => {
  it("gives unit, prices, the seller's floor and available stock before anything is saved", async () => {
    const customerId = p.customers.r1[0]!;
    const order = await createOrder(p.clients.r1, { customerId, lines: [{ productId: widget, quantity: 15 }] });
    await p.clients.finance.post(`/api/v1/orders/${order.id}/submit`, {});
    await p.clients.r1.post(`/api/v1/orders/${order.id}/submit`, {});
    await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {});

    const response = await p.clients.r1.post('/api/v1/orders/price-guide', {
      customerId,
      productIds: [widget, unstocked],
    });
    expect(response.statusCode, response.body).toBe(200);
    const guide = response.json();
    expect(guide.warehouseId).toBe(warehouseId);
    const byId = Object.fromEntries(guide.products.map((x: { productId: string }) => [x.productId, x]));
    // 40 on hand, 15 reserved by the confirmed order.
    expect(byId[widget]).toMatchObject({
      listPriceFen: 10_000,
      costPriceFen: 6_000,
      floorFen: 8_500,
      availableQuantity: 25,
    });
    expect(byId[unstocked]).toMatchObject({ floorFen: 1_700, availableQuantity: 0 });
    // The customer's credit exposure comes along: the confirmed order of 15 × 100 yuan is owed.
    expect(guide.credit).toMatchObject({ customerId, outstandingFen: 150_000 });
    const asFinance = await p.clients.finance.post('/api/v1/orders/price-guide', { customerId, productIds: [widget] });
    expect(asFinance.statusCode, asFinance.body).toBe(200);
    // The floor is the seller's (the customer's owner), also when finance asks.
    expect(asFinance.json().products[0].floorFen).toBe(8_500);
  });

  it('answers 404 for a customer out of scope and 400 naming a bad field', async () => {
    const other = await p.clients.r1.post('/api/v1/orders/price-guide', {
      customerId: p.customers.r2[0]!,
      productIds: [widget],
    });
    expect(other.statusCode).toBe(404);
    const bad = await p.clients.r1.post('/api/v1/orders/price-guide', { customerId: 'x', productIds: [widget] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('customerId');
    const warehouse = await p.clients.warehouse.post('/api/v1/orders/price-guide', {
      customerId: p.customers.r1[0]!,
      productIds: [],
    });
    expect(warehouse.statusCode).toBe(403);
  });
});

describe('orders and opportunities connect (issue 14 §7)', () => {
  const openOpportunity = async (customerId: string, name: string) => {
    const response = await p.clients.r1.post('/api/v1/opportunities', { customerId, name, amountFen: 500_000 });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; version: number };
  };

  it('an order names an open opportunity of its customer; confirming the order wins it', async () => {
    const customerId = p.customers.r1[1]!;
    const opportunity = await openOpportunity(customerId, '年度采购');
    const order = await createOrder(p.clients.r1, {
      customerId,
      opportunityId: opportunity.id,
      lines: [{ productId: widget, quantity: 1 }],
    });
    expect(order).toMatchObject({ opportunityId: opportunity.id, opportunityName: '年度采购' });
    const listed = await p.clients.r1.get(`/api/v1/orders?opportunityId=${opportunity.id}`);
    expect(listed.json().items.map((o: { id: string }) => o.id)).toEqual([order.id]);

    await p.clients.r1.post(`/api/v1/orders/${order.id}/submit`, {});
    const confirmed = await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const won = (await p.clients.r1.get(`/api/v1/opportunities/${opportunity.id}`)).json();
    expect(won).toMatchObject({ status: 'won' });
    const audits = await fx.audits(ctx.database.db, p.orgId, opportunity.id);
    expect(audits.at(-1)).toMatchObject({
      action: 'won',
      actorId: p.users.finance.id,
      after: { status: 'won', wonByOrderId: order.id },
    });
  });

  it('a draft takes its opportunity later and can drop it again, audited', async () => {
    const customerId = p.customers.r2[0]!;
    const opportunity = (
      await p.clients.r2.post('/api/v1/opportunities', { customerId, name: '补录商机', amountFen: 100_000 })
    ).json();
    const draft = await createOrder(p.clients.r2, { customerId, lines: [{ productId: widget, quantity: 1 }] });
    expect(draft.opportunityId).toBeNull();
    const linked = await p.clients.r2.patch(`/api/v1/orders/${draft.id}`, {
      opportunityId: opportunity.id,
      version: draft.version,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ opportunityId: opportunity.id, opportunityName: '补录商机' });
    const dropped = await p.clients.r2.patch(`/api/v1/orders/${draft.id}`, {
      opportunityId: null,
      version: linked.json().version,
    });
    expect(dropped.json()).toMatchObject({ opportunityId: null, opportunityName: null });
    const audits = await fx.audits(ctx.database.db, p.orgId, draft.id);
    expect(audits.at(-2)).toMatchObject({ after: { opportunityId: opportunity.id } });
    expect(audits.at(-1)).toMatchObject({ before: { opportunityId: opportunity.id }, after: { opportunityId: null } });
  });

  it("refuses another customer's, a lost or an unknown opportunity, naming the field; writes nothing", async () => {
    const customerId = p.customers.r1[2]!;
    const elsewhere = await openOpportunity(p.customers.r1[1]!, '别家的');
    const lost = await openOpportunity(customerId, '已放弃');
    await p.clients.r1.post(`/api/v1/opportunities/${lost.id}/invalid`, { reason: '重复录入' });
    for (const opportunityId of [elsewhere.id, lost.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await p.clients.r1.post('/api/v1/orders', {
        customerId,
        opportunityId,
        lines: [{ productId: widget, quantity: 1 }],
      });
      expect(response.statusCode, opportunityId).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'opportunityId', message: '商机必须属于同一客户，且进行中或已赢单' },
      ]);
    }
    const orders = await p.clients.r1.get(`/api/v1/orders?customerId=${customerId}`);
    expect(orders.json().items).toEqual([]);
  });
});
