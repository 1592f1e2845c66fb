import { beforeAll, describe, expect, it } from 'vitest';
import { createOrder, orderFixtures as fx } from '../../test/order-fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 3 });
let warehouseId: string;
let widget: string;
let scarce: string;

const level = (productId: string) => fx.stockLevel(ctx.database.db, { orgId: p.orgId, warehouseId, productId });
const stageOf = async (customerId: string) =>
  (await p.clients.admin.get(`/api/v1/customers/${customerId}`)).json().stage;
/** A submitted order of `quantity` units (100 yuan each), entered by the customer's owner. */
async function submitted(customerId: string, quantity = 1, productId = widget, client = p.clients.r1) {
  const order = await createOrder(client, { customerId, lines: [{ productId, quantity }] });
  const response = await client.post(`/api/v1/orders/${order.id}/submit`, {});
  expect(response.json().status).toBe('submitted');
  return response.json();
}

beforeAll(async () => {
  const db = ctx.database.db;
  warehouseId = await fx.warehouse(db, p.orgId);
  widget = await fx.product(db, p.orgId, { listPriceFen: 10_000, costPriceFen: 6_000, name: '控制器' });
  scarce = await fx.product(db, p.orgId, { listPriceFen: 10_000, costPriceFen: 6_000, name: '稀缺件' });
  await fx.stock(db, { orgId: p.orgId, warehouseId, productId: widget }, 1000);
  await fx.stock(db, { orgId: p.orgId, warehouseId, productId: scarce }, 1);
  await fx.floor(db, { orgId: p.orgId, roleId: p.roleIds.salesperson! }, 5000);
});

describe('orders: confirm, ship, complete, cancel', () => {
  it('confirms (finance): stock reserved, first order → first_purchase, second → repeat, audited', async () => {
    const customerId = p.customers.r1[0]!;
    const order = await submitted(customerId, 3);
    const confirmed = await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, { version: order.version });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', confirmedBy: p.users.finance.id, warehouseId });
    expect(confirmed.json().creditWarning).toBeUndefined();
    expect(await level(widget)).toMatchObject({ onHand: 1000, reserved: 3 });
    expect(await stageOf(customerId)).toBe('first_purchase');
    const audits = await fx.audits(ctx.database.db, p.orgId, order.id);
    expect(audits.map((a) => a.action)).toEqual(['create', 'status:submitted', 'status:confirmed']);
    expect(audits[2]).toMatchObject({
      before: { status: 'submitted' },
      after: { status: 'confirmed' },
      actorId: p.users.finance.id,
    });

    const next = await submitted(customerId, 1);
    expect((await p.clients.finance.post(`/api/v1/orders/${next.id}/confirm`, {})).statusCode).toBe(200);
    expect(await stageOf(customerId)).toBe('repeat');
    // Confirming twice is a wrong-state 409 naming the state.
    const twice = await p.clients.finance.post(`/api/v1/orders/${next.id}/confirm`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('订单已确认，现在不能执行此操作。');

    // Cancelling the confirmed order: only finance; stock released, order.cancelled moves the stage back.
    const bySales = await p.clients.r1.post(`/api/v1/orders/${next.id}/cancel`, { reason: '不要了' });
    expect(bySales.statusCode).toBe(403);
    const cancelled = await p.clients.finance.post(`/api/v1/orders/${next.id}/cancel`, { reason: '客户撤单' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect(await level(widget)).toMatchObject({ reserved: 3 });
    expect(await stageOf(customerId)).toBe('first_purchase');
  });

  it('ships (warehouse) and completes (finance); shipped orders cannot be cancelled', async () => {
    const order = await submitted(p.customers.r1[1]!, 2);
    await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {});
    const before = await level(widget);
    expect((await p.clients.r1.post(`/api/v1/orders/${order.id}/ship`, {})).statusCode).toBe(403);
    const shipped = await p.clients.warehouse.post(`/api/v1/orders/${order.id}/ship`, {});
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json().status).toBe('shipped');
    expect(await level(widget)).toMatchObject({ onHand: before!.onHand - 2, reserved: before!.reserved - 2 });
    const cancel = await p.clients.finance.post(`/api/v1/orders/${order.id}/cancel`, { reason: '晚了' });
    expect(cancel.statusCode).toBe(422);
    expect(cancel.json().error.message).toBe('已发货或已完成的订单不能再取消。');
    expect((await p.clients.warehouse.post(`/api/v1/orders/${order.id}/complete`, {})).statusCode).toBe(403);
    const completed = await p.clients.finance.post(`/api/v1/orders/${order.id}/complete`, {});
    expect(completed.json().status).toBe('completed');
    const audits = await fx.audits(ctx.database.db, p.orgId, order.id);
    expect(audits.slice(-2).map((a) => a.action)).toEqual(['status:shipped', 'status:completed']);
  });

  it('a confirmed order with payments cannot be cancelled (422) until they are voided', async () => {
    const order = await submitted(p.customers.r2[2]!, 1, widget, p.clients.r2);
    await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {});
    const payment = await p.clients.finance.post('/api/v1/payments', {
      orderId: order.id,
      amountFen: 4_000,
      method: 'bank_transfer',
      receivedOn: '2025-01-02',
    });
    expect(payment.statusCode, payment.body).toBe(201);
    const confirmed = (await p.clients.finance.get(`/api/v1/orders/${order.id}`)).json();
    const reserved = (await level(widget))!.reserved;
    const refused = await p.clients.finance.post(`/api/v1/orders/${order.id}/cancel`, { reason: '客户撤单' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe('该订单已登记回款 40.00 元。请先作废回款，再取消订单。');
    expect((await p.clients.finance.get(`/api/v1/orders/${order.id}`)).json()).toMatchObject({
      status: 'confirmed',
      paidFen: 4_000,
      version: confirmed.version,
    });
    expect((await level(widget))!.reserved).toBe(reserved);
    expect((await fx.audits(ctx.database.db, p.orgId, order.id)).at(-1)!.action).toBe('status:confirmed');
    await p.clients.finance.post(`/api/v1/payments/${payment.json().id}/void`, { reason: '退款' });
    const cancelled = await p.clients.finance.post(`/api/v1/orders/${order.id}/cancel`, { reason: '客户撤单' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', paidFen: 0 });
  });

  it('a payment plan that no longer adds up to the total (lines edited after planning) blocks confirmation', async () => {
    const order = await createOrder(p.clients.r2, {
      customerId: p.customers.r2[2]!,
      lines: [{ productId: widget, quantity: 1 }],
    });
    const planned = await p.clients.r2.put(`/api/v1/orders/${order.id}/payment-plan`, {
      version: 0,
      installments: [{ dueDate: '2030-01-31', amountFen: 10_000 }],
    });
    expect(planned.statusCode, planned.body).toBe(200);
    const edited = await p.clients.r2.request({
      method: 'PATCH',
      url: `/api/v1/orders/${order.id}`,
      payload: { version: order.version, lines: [{ productId: widget, quantity: 2 }] },
    });
    expect(edited.json().totalFen).toBe(20_000);
    const sub = (await p.clients.r2.post(`/api/v1/orders/${order.id}/submit`, {})).json();
    const reserved = (await level(widget))!.reserved;
    const refused = await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe('回款计划合计 100.00 元，与订单金额 200.00 元不一致。请先调整回款计划。');
    expect((await p.clients.finance.get(`/api/v1/orders/${order.id}`)).json()).toMatchObject({
      status: 'submitted',
      version: sub.version,
    });
    expect((await level(widget))!.reserved).toBe(reserved);
    const fixed = await p.clients.r2.put(`/api/v1/orders/${order.id}/payment-plan`, {
      version: planned.json().version,
      installments: [{ dueDate: '2030-01-31', amountFen: 20_000 }],
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {})).statusCode).toBe(200);
  });

  it('stock short → 409 naming the product; the order stays submitted', async () => {
    const order = await submitted(p.customers.r1[2]!, 5, scarce);
    const short = await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {});
    expect(short.statusCode).toBe(409);
    expect(short.json().error.message).toContain('稀缺件');
    expect((await p.clients.finance.get(`/api/v1/orders/${order.id}`)).json()).toMatchObject({
      status: 'submitted',
      version: order.version,
    });
    expect(await level(scarce)).toMatchObject({ onHand: 1, reserved: 0 });
    await p.clients.r1.post(`/api/v1/orders/${order.id}/cancel`, { reason: '缺货' });
  });

  it('two orders needing the last unit, confirmed at once: exactly one is confirmed', async () => {
    const a = await submitted(p.customers.r1[2]!, 1, scarce);
    const b = await submitted(p.customers.r2[0]!, 1, scarce, p.clients.r2);
    const results = await Promise.all([
      p.clients.finance.post(`/api/v1/orders/${a.id}/confirm`, {}),
      p.clients.finance.post(`/api/v1/orders/${b.id}/confirm`, {}),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await level(scarce)).toMatchObject({ onHand: 1, reserved: 1 });
  });
});

describe('orders: credit on confirmation', () => {
  it('blocks over the limit (422 with amounts, nothing changed); a credit.override reason passes', async () => {
    const customerId = p.customers.r2[1]!;
    const limit = await p.clients.finance.put(`/api/v1/customers/${customerId}/credit`, {
      limitFen: 15_000,
      termDays: 30,
    });
    expect(limit.statusCode, limit.body).toBe(200);
    const first = await createOrder(p.clients.r2, { customerId, lines: [{ productId: widget, quantity: 1 }] });
    await p.clients.r2.post(`/api/v1/orders/${first.id}/submit`, {});
    expect((await p.clients.finance.post(`/api/v1/orders/${first.id}/confirm`, {})).statusCode).toBe(200);
    const second = await createOrder(p.clients.r2, { customerId, lines: [{ productId: widget, quantity: 1 }] });
    const sub = (await p.clients.r2.post(`/api/v1/orders/${second.id}/submit`, {})).json();
    const reserved = (await level(widget))!.reserved;
    const blocked = await p.clients.finance.post(`/api/v1/orders/${second.id}/confirm`, {});
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error.message).toBe(
      '订单超出客户信用额度：额度 150.00 元，未回款 100.00 元，本单 100.00 元。请申请信用放行。',
    );
    expect((await p.clients.finance.get(`/api/v1/orders/${second.id}`)).json()).toMatchObject({
      status: 'submitted',
      version: sub.version,
    });
    expect((await level(widget))!.reserved).toBe(reserved);
    const passed = await p.clients.finance.post(`/api/v1/orders/${second.id}/confirm`, {
      creditOverrideReason: '年底冲量，总监同意',
    });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json()).toMatchObject({
      status: 'confirmed',
      creditOverrideReason: '年底冲量，总监同意',
      creditOverrideBy: p.users.finance.id,
      creditWarning: { limitFen: 15_000, outstandingFen: 10_000, orderFen: 10_000 },
    });
    const credit = (await p.clients.r2.get(`/api/v1/customers/${customerId}/credit`)).json();
    expect(credit).toMatchObject({ limitFen: 15_000, outstandingFen: 20_000, availableFen: -5_000, overdueFen: 0 });
  });

  it('a credit-override approval (finance approves) lets the order through in block mode', async () => {
    const customerId = p.customers.r3[0]!;
    await p.clients.finance.put(`/api/v1/customers/${customerId}/credit`, { limitFen: 0, termDays: 10 });
    const order = await createOrder(p.clients.r3, { customerId, lines: [{ productId: widget, quantity: 1 }] });
    await p.clients.r3.post(`/api/v1/orders/${order.id}/submit`, {});
    expect((await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {})).statusCode).toBe(422);
    const requested = await p.clients.r3.post(`/api/v1/orders/${order.id}/credit-override`, { reason: '预付款已到账' });
    expect(requested.statusCode, requested.body).toBe(200);
    const approval = requested
      .json()
      .approvals.find((a: { businessType: string }) => a.businessType === 'credit_override');
    expect(approval.status).toBe('pending');
    expect((await p.clients.r3.post(`/api/v1/orders/${order.id}/credit-override`, { reason: '再来' })).statusCode).toBe(
      409,
    );
    const approved = await p.clients.finance.post(`/api/v1/approvals/${approval.requestId}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const withOverride = (await p.clients.finance.get(`/api/v1/orders/${order.id}`)).json();
    expect(withOverride).toMatchObject({
      status: 'submitted',
      creditOverrideReason: '预付款已到账',
      creditOverrideBy: p.users.finance.id,
    });
    const confirmed = await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('confirmed');
  });

  it('read-only roles cannot ask for a credit override (403, nothing written); a user who edits orders can', async () => {
    const customerId = p.customers.eastManager[0]!;
    await p.clients.finance.put(`/api/v1/customers/${customerId}/credit`, { limitFen: 0, termDays: 10 });
    const order = await submitted(customerId, 1, widget, p.clients.eastManager);
    const login = async (role: string) =>
      ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [p.roleIds[role]!] }));
    const readers = {
      executive: await login('executive'),
      warehouse: p.clients.warehouse,
      service: await login('customer_service'),
    };
    for (const [who, client] of Object.entries(readers)) {
      const refused = await client.post(`/api/v1/orders/${order.id}/credit-override`, { reason: '请放行' });
      expect(refused.statusCode, who).toBe(403);
    }
    const untouched = (await p.clients.finance.get(`/api/v1/orders/${order.id}`)).json();
    expect(untouched.version).toBe(order.version);
    expect(untouched.approvals.filter((a: { businessType: string }) => a.businessType === 'credit_override')).toEqual(
      [],
    );
    expect((await fx.audits(ctx.database.db, p.orgId, order.id)).map((a) => a.action)).not.toContain(
      'credit_override_requested',
    );
    const asked = await p.clients.eastManager.post(`/api/v1/orders/${order.id}/credit-override`, { reason: '请放行' });
    expect(asked.statusCode, asked.body).toBe(200);
  });

  it('confirming with a direct override ends a pending credit-override request (no stale approval left)', async () => {
    const customerId = p.customers.r3[2]!;
    await p.clients.finance.put(`/api/v1/customers/${customerId}/credit`, { limitFen: 0, termDays: 10 });
    const order = await createOrder(p.clients.r3, { customerId, lines: [{ productId: widget, quantity: 1 }] });
    await p.clients.r3.post(`/api/v1/orders/${order.id}/submit`, {});
    const requested = await p.clients.r3.post(`/api/v1/orders/${order.id}/credit-override`, { reason: '老客户' });
    const approval = requested
      .json()
      .approvals.find((a: { businessType: string }) => a.businessType === 'credit_override');
    expect(approval.status).toBe('pending');
    const confirmed = await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {
      creditOverrideReason: '财务直接放行',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const after = confirmed
      .json()
      .approvals.find((a: { businessType: string }) => a.businessType === 'credit_override');
    expect(after.status).toBe('withdrawn');
    // Finance is no longer an approver of the ended request: it is gone from their inbox.
    expect((await p.clients.finance.post(`/api/v1/approvals/${approval.requestId}/approve`, {})).statusCode).toBe(404);
    const todo = (await p.clients.finance.get('/api/v1/approvals?box=todo')).json();
    expect(todo.items.map((i: { id: string }) => i.id)).not.toContain(approval.requestId);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', creditOverrideReason: '财务直接放行' });
  });

  it('warn mode confirms over the limit with a warning, audited', async () => {
    const settings = (await p.clients.finance.get('/api/v1/finance-settings')).json();
    const warn = await p.clients.finance.put('/api/v1/finance-settings', { ...settings, creditMode: 'warn' });
    expect(warn.statusCode, warn.body).toBe(200);
    const customerId = p.customers.r3[1]!;
    await p.clients.finance.put(`/api/v1/customers/${customerId}/credit`, { limitFen: 5_000, termDays: 30 });
    const order = await createOrder(p.clients.r3, { customerId, lines: [{ productId: widget, quantity: 1 }] });
    await p.clients.r3.post(`/api/v1/orders/${order.id}/submit`, {});
    const confirmed = await p.clients.finance.post(`/api/v1/orders/${order.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().creditWarning).toEqual({ limitFen: 5_000, outstandingFen: 0, orderFen: 10_000 });
    expect(confirmed.json().creditOverrideReason).toBeNull();
    const audits = await fx.audits(ctx.database.db, p.orgId, order.id);
    expect(audits.at(-1)!.after).toMatchObject({ status: 'confirmed', creditWarning: { limitFen: 5_000 } });
    await p.clients.finance.put('/api/v1/finance-settings', { ...warn.json(), creditMode: 'block' });
  });
});
