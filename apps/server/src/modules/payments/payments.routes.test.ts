import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/schema/index.js';
import { dayOffset, insertOrder, paidFenOf } from './payments.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

const orderOfR1 = (totalFen: number, status = 'confirmed') =>
  insertOrder(ctx, { orgId: p.orgId, customerId: p.customers.r1[0]!, ownerId: p.users.r1.id, totalFen, status });
const pay = (orderId: string, body: Record<string, unknown> = {}) =>
  p.clients.finance.post('/api/v1/payments', {
    orderId,
    amountFen: 10_000,
    method: 'bank_transfer',
    receivedOn: dayOffset(-1),
    ...body,
  });
const auditRows = (entity: string, entityId: string) =>
  ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, p.orgId), eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)));
const planOf = async (orderId: string) => {
  const response = await p.clients.finance.get(`/api/v1/orders/${orderId}/payment-plan`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
/** Runs a finance request with finance's language set to English (the user's setting wins over the header). */
async function inEnglish<T>(run: () => Promise<T>): Promise<T> {
  await p.clients.finance.patch('/api/v1/auth/me', { locale: 'en' });
  try {
    return await run();
  } finally {
    await p.clients.finance.patch('/api/v1/auth/me', { locale: 'zh-CN' });
  }
}
const statuses = (plan: { installments: { paidFen: number; status: string }[] }) =>
  plan.installments.map((i) => [i.paidFen, i.status]);

describe('payments: recording against an order and its plan', () => {
  it('a payment raises the order paid amount and fills the plan oldest first; a named installment first', async () => {
    const order = await orderOfR1(100_000);
    const put = await p.clients.finance.put(`/api/v1/orders/${order.id}/payment-plan`, {
      version: 0,
      installments: [
        { dueDate: dayOffset(50), amountFen: 40_000 },
        { dueDate: dayOffset(-10), amountFen: 30_000, notes: '预付款' },
        { dueDate: dayOffset(20), amountFen: 30_000 },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const plan = put.json();
    // Numbered by due date; the one due ten days ago is overdue from the start.
    expect(plan.installments.map((i: { amountFen: number }) => i.amountFen)).toEqual([30_000, 30_000, 40_000]);
    expect(statuses(plan)).toEqual([
      [0, 'overdue'],
      [0, 'pending'],
      [0, 'pending'],
    ]);
    expect(plan.installments[0].notes).toBe('预付款');

    const first = await pay(order.id, { amountFen: 40_000, reference: ' BT-001 ' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      orderId: order.id,
      orderNo: order.orderNo,
      amountFen: 40_000,
      currency: 'CNY',
      method: 'bank_transfer',
      reference: 'BT-001',
      recordedBy: p.users.finance.id,
      voidedAt: null,
    });
    expect(await paidFenOf(ctx, p.orgId, order.id)).toBe(40_000);
    expect(statuses(await planOf(order.id))).toEqual([
      [30_000, 'paid'],
      [10_000, 'partly_paid'],
      [0, 'pending'],
    ]);

    const third = (await planOf(order.id)).installments[2];
    const named = await pay(order.id, { amountFen: 5_000, planId: third.id, method: 'wechat' });
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json()).toMatchObject({ planId: third.id, installmentNo: 3 });
    expect(statuses(await planOf(order.id))).toEqual([
      [30_000, 'paid'],
      [10_000, 'partly_paid'],
      [5_000, 'partly_paid'],
    ]);
    expect(await paidFenOf(ctx, p.orgId, order.id)).toBe(45_000);

    const audit = await auditRows('payment', first.json().id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actorId: p.users.finance.id });
    expect(audit[0]!.after).toMatchObject({ amountFen: 40_000, orderPaidFen: 40_000 });
  });

  it('refuses more than the unpaid amount with 422 naming it in yuan, and writes nothing', async () => {
    const order = await orderOfR1(100_000);
    expect((await pay(order.id, { amountFen: 44_950 })).statusCode).toBe(201);
    const over = await pay(order.id, { amountFen: 55_051 });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.message).toBe('金额超过订单未付金额（550.50 元）');
    const english = await inEnglish(() => pay(order.id, { amountFen: 55_051 }));
    expect(english.json().error.message).toBe('The amount exceeds what is unpaid on the order (550.50 yuan)');
    expect(await paidFenOf(ctx, p.orgId, order.id)).toBe(44_950);
    const list = await p.clients.finance.get(`/api/v1/payments?orderId=${order.id}`);
    expect(list.json().items).toHaveLength(1);
    // Exactly the rest is accepted.
    expect((await pay(order.id, { amountFen: 55_050 })).statusCode).toBe(201);
    expect(await paidFenOf(ctx, p.orgId, order.id)).toBe(100_000);
  });

  it('refuses a payment on an order not yet confirmed, or cancelled (422)', async () => {
    for (const status of ['draft', 'submitted', 'cancelled']) {
      const order = await orderOfR1(10_000, status);
      const response = await pay(order.id, { amountFen: 1_000 });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.message).toBe('只有已确认、已发货或已完成的订单才能登记回款');
      expect(await paidFenOf(ctx, p.orgId, order.id)).toBe(0);
    }
  });

  it('validates amount, method, date and installment, naming the field (zh-CN and en)', async () => {
    const order = await orderOfR1(10_000);
    const other = await orderOfR1(10_000);
    const otherPlan = await p.clients.finance.put(`/api/v1/orders/${other.id}/payment-plan`, {
      version: 0,
      installments: [{ dueDate: dayOffset(10), amountFen: 10_000 }],
    });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ amountFen: 0 }, 'amountFen', '金额必须是大于 0 的整数（单位：分）'],
      [{ amountFen: 12.5 }, 'amountFen', '金额必须是 0 到 99999999999999 之间的整数（单位：分）'],
      [{ method: 'bitcoin' }, 'method', '回款方式不是允许的取值'],
      [{ receivedOn: dayOffset(3) }, 'receivedOn', '回款日期不能晚于当前时间'],
      [{ receivedOn: '2026-02-30x' }, 'receivedOn', '回款日期应为 1900–2999 年之间的日期（YYYY-MM-DD）'],
      [{ planId: otherPlan.json().installments[0].id }, 'planId', '回款分期必须是该订单的回款计划分期'],
    ];
    for (const [body, field, message] of cases) {
      const response = await pay(order.id, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fields).toEqual([{ field, message }]);
    }
    const english = await inEnglish(() => pay(order.id, { amountFen: 0 }));
    expect(english.json().error.fields).toEqual([
      { field: 'amountFen', message: 'Amount must be a whole number of fen greater than 0' },
    ]);
    expect(await paidFenOf(ctx, p.orgId, order.id)).toBe(0);
  });

  it('only one of several simultaneous payments fits when together they would pass the total', async () => {
    const order = await orderOfR1(100_000);
    const responses = await Promise.all(Array.from({ length: 4 }, () => pay(order.id, { amountFen: 40_000 })));
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 422, 422]);
    expect(await paidFenOf(ctx, p.orgId, order.id)).toBe(80_000);
  });
});

describe('payments: voiding', () => {
  it('a void reverses the order and the plan, keeps the row with who and why; a second void is 409', async () => {
    const order = await orderOfR1(50_000);
    await p.clients.finance.put(`/api/v1/orders/${order.id}/payment-plan`, {
      version: 0,
      installments: [
        { dueDate: dayOffset(10), amountFen: 20_000 },
        { dueDate: dayOffset(40), amountFen: 30_000 },
      ],
    });
    const a = (await pay(order.id, { amountFen: 20_000 })).json();
    const b = (await pay(order.id, { amountFen: 10_000 })).json();
    expect(statuses(await planOf(order.id))).toEqual([
      [20_000, 'paid'],
      [10_000, 'partly_paid'],
    ]);

    expect((await p.clients.finance.post(`/api/v1/payments/${a.id}/void`, { reason: '  ' })).statusCode).toBe(400);
    expect((await p.clients.r1.post(`/api/v1/payments/${a.id}/void`, { reason: '录错' })).statusCode).toBe(403);
    const voided = await p.clients.finance.post(`/api/v1/payments/${a.id}/void`, { reason: '重复录入' });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json()).toMatchObject({ voidReason: '重复录入', voidedBy: p.users.finance.id });
    expect(voided.json().voidedAt).not.toBeNull();
    expect(await paidFenOf(ctx, p.orgId, order.id)).toBe(10_000);
    // The remaining payment now covers the first installment in part.
    expect(statuses(await planOf(order.id))).toEqual([
      [10_000, 'partly_paid'],
      [0, 'pending'],
    ]);

    const again = await p.clients.finance.post(`/api/v1/payments/${a.id}/void`, { reason: '再来' });
    expect(again.statusCode).toBe(409);
    expect(await paidFenOf(ctx, p.orgId, order.id)).toBe(10_000);

    const live = await p.clients.finance.get(`/api/v1/payments?orderId=${order.id}`);
    expect(live.json().items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const all = await p.clients.finance.get(`/api/v1/payments?orderId=${order.id}&includeVoided=true`);
    expect(all.json().items).toHaveLength(2);
    const audit = await auditRows('payment', a.id);
    expect(audit.map((r) => r.action).sort()).toEqual(['create', 'void']);
  });
});

describe('payments: scope and permissions', () => {
  it('a salesperson sees payments of own customers only, and cannot record one (403)', async () => {
    const order = await orderOfR1(30_000);
    const payment = (await pay(order.id, { amountFen: 3_000 })).json();
    expect((await p.clients.r1.get(`/api/v1/payments/${payment.id}`)).statusCode).toBe(200);
    expect((await p.clients.eastManager.get(`/api/v1/payments/${payment.id}`)).statusCode).toBe(200);
    const hidden = await p.clients.r2.get(`/api/v1/payments/${payment.id}`);
    expect(hidden.statusCode).toBe(404);
    const r2List = await p.clients.r2.get('/api/v1/payments?limit=200');
    expect(r2List.json().items.map((x: { id: string }) => x.id)).not.toContain(payment.id);
    expect((await p.clients.r3.get(`/api/v1/orders/${order.id}/payment-plan`)).statusCode).toBe(404);

    const denied = await p.clients.r1.post('/api/v1/payments', {
      orderId: order.id,
      amountFen: 1_000,
      method: 'cash',
      receivedOn: dayOffset(-1),
    });
    expect(denied.statusCode).toBe(403);
    expect(await paidFenOf(ctx, p.orgId, order.id)).toBe(3_000);
    expect((await p.clients.clerk.get('/api/v1/payments')).statusCode).toBe(200);
    expect((await p.clients.warehouse.get('/api/v1/payments')).statusCode).toBe(403);
  });

  it('pages through payments with a cursor, latest received first', async () => {
    const order = await orderOfR1(90_000);
    for (const days of [-5, -3, -4]) await pay(order.id, { amountFen: 1_000, receivedOn: dayOffset(days) });
    const first = await p.clients.finance.get(`/api/v1/payments?orderId=${order.id}&limit=2`);
    expect(first.json().items.map((x: { receivedOn: string }) => x.receivedOn)).toEqual([dayOffset(-3), dayOffset(-4)]);
    const next = await p.clients.finance.get(
      `/api/v1/payments?orderId=${order.id}&limit=2&cursor=${first.json().nextCursor}`,
    );
    expect(next.json()).toMatchObject({ nextCursor: null });
    expect(next.json().items.map((x: { receivedOn: string }) => x.receivedOn)).toEqual([dayOffset(-5)]);
    expect((await p.clients.finance.get('/api/v1/payments?cursor=bm9wZQ')).statusCode).toBe(400);
  });
});
