import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, paymentPlans, payments } from '../../platform/db/schema/index.js';
import type { Client } from '../../test/test-app.js';
import { dayOffset, insertOrder, paidFenOf } from './payments.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

const orderOfR1 = (totalFen: number, status = 'confirmed') =>
  insertOrder(ctx, { orgId: p.orgId, customerId: p.customers.r1[0]!, ownerId: p.users.r1.id, totalFen, status });
const putPlan = (client: Client, orderId: string, payload: Record<string, unknown>) =>
  client.put(`/api/v1/orders/${orderId}/payment-plan`, payload);
const pay = (orderId: string, body: Record<string, unknown>) =>
  p.clients.finance.post('/api/v1/payments', { orderId, method: 'cash', receivedOn: dayOffset(-1), ...body });
const installmentRows = (orderId: string) =>
  ctx.database.db
    .select()
    .from(paymentPlans)
    .where(and(eq(paymentPlans.orgId, p.orgId), eq(paymentPlans.orderId, orderId)));

describe('payment plans: writing', () => {
  it('the installments must add up to the order total: 400 naming installments with the difference in yuan', async () => {
    const order = await orderOfR1(100_000);
    const short = await putPlan(p.clients.finance, order.id, {
      version: 0,
      installments: [
        { dueDate: dayOffset(10), amountFen: 50_000 },
        { dueDate: dayOffset(40), amountFen: 48_990 },
      ],
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toEqual([
      { field: 'installments', message: '回款分期合计必须等于订单总额 1000.00 元（相差 10.10 元）' },
    ]);
    await p.clients.finance.patch('/api/v1/auth/me', { locale: 'en' });
    const english = await putPlan(p.clients.finance, order.id, {
      version: 0,
      installments: [{ dueDate: dayOffset(10), amountFen: 100_001 }],
    });
    await p.clients.finance.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(english.json().error.fields).toEqual([
      {
        field: 'installments',
        message: 'Installments must add up to the order total of 1000.00 yuan (difference: 0.01 yuan)',
      },
    ]);
    const empty = await putPlan(p.clients.finance, order.id, { version: 0, installments: [] });
    expect(empty.json().error.fields).toEqual([expect.objectContaining({ field: 'installments' })]);
    const zero = await putPlan(p.clients.finance, order.id, {
      version: 0,
      installments: [
        { dueDate: dayOffset(10), amountFen: 100_000 },
        { dueDate: dayOffset(20), amountFen: 0 },
      ],
    });
    expect(zero.json().error.fields).toEqual([expect.objectContaining({ field: 'installments.1.amountFen' })]);
    expect(await installmentRows(order.id)).toHaveLength(0);
  });

  it('a stale plan version answers 409 and changes nothing', async () => {
    const order = await orderOfR1(60_000);
    const plan = (
      await putPlan(p.clients.finance, order.id, {
        version: 0,
        installments: [{ dueDate: dayOffset(10), amountFen: 60_000 }],
      })
    ).json();
    expect(plan.version).toBeGreaterThan(0);
    const replaced = await putPlan(p.clients.finance, order.id, {
      version: plan.version,
      installments: [
        { dueDate: dayOffset(10), amountFen: 30_000 },
        { dueDate: dayOffset(20), amountFen: 30_000 },
      ],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const stale = await putPlan(p.clients.finance, order.id, {
      version: plan.version,
      installments: [{ dueDate: dayOffset(5), amountFen: 60_000 }],
    });
    expect(stale.statusCode).toBe(409);
    expect((await installmentRows(order.id)).map((r) => r.amountFen).sort()).toEqual([30_000, 30_000]);
    // A payment changes the plan too (paid amounts): the editor's copy is stale after it.
    await pay(order.id, { amountFen: 1_000 });
    const afterPayment = await putPlan(p.clients.finance, order.id, {
      version: replaced.json().version,
      installments: [{ dueDate: dayOffset(5), amountFen: 60_000 }],
    });
    expect(afterPayment.statusCode).toBe(409);
  });

  it('replacing a plan keeps what was paid, spread again oldest first, and is audited', async () => {
    const order = await orderOfR1(100_000);
    const first = (
      await putPlan(p.clients.finance, order.id, {
        version: 0,
        installments: [
          { dueDate: dayOffset(10), amountFen: 30_000 },
          { dueDate: dayOffset(20), amountFen: 30_000 },
          { dueDate: dayOffset(30), amountFen: 40_000 },
        ],
      })
    ).json();
    const third = first.installments[2].id;
    const named = (await pay(order.id, { amountFen: 5_000, planId: third })).json();
    await pay(order.id, { amountFen: 45_000 });
    const replaced = await putPlan(p.clients.finance, order.id, {
      version: (await p.clients.finance.get(`/api/v1/orders/${order.id}/payment-plan`)).json().version,
      installments: [
        { dueDate: dayOffset(-3), amountFen: 20_000 },
        { dueDate: dayOffset(60), amountFen: 80_000 },
      ],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ totalFen: 100_000, paidFen: 50_000 });
    expect(replaced.json().installments.map((i: { paidFen: number; status: string }) => [i.paidFen, i.status])).toEqual(
      [
        [20_000, 'paid'],
        [30_000, 'partly_paid'],
      ],
    );
    // The installment the first payment named is gone; the payment still counts, unnamed.
    const [row] = await ctx.database.db.select().from(payments).where(eq(payments.id, named.id));
    expect(row).toMatchObject({ planId: null, voidedAt: null });
    expect(await paidFenOf(ctx, p.orgId, order.id)).toBe(50_000);
    const audit = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, p.orgId), eq(auditLog.entity, 'payment_plan'), eq(auditLog.entityId, order.id)));
    expect(audit.map((r) => r.action).sort()).toEqual(['create', 'update']);
  });

  it('the owner salesperson may plan an own order; another salesperson gets 404, the warehouse 403', async () => {
    const order = await orderOfR1(10_000, 'draft');
    const payload = { version: 0, installments: [{ dueDate: dayOffset(30), amountFen: 10_000 }] };
    expect((await putPlan(p.clients.r2, order.id, payload)).statusCode).toBe(404);
    expect((await putPlan(p.clients.warehouse, order.id, payload)).statusCode).toBe(403);
    expect((await putPlan(p.clients.r1, order.id, payload)).statusCode).toBe(200);
    const cancelled = await orderOfR1(10_000, 'cancelled');
    const refused = await putPlan(p.clients.finance, cancelled.id, payload);
    expect(refused.statusCode).toBe(422);
  });
});

describe('payment plans: the installment list', () => {
  it('lists installments across orders with order, customer and status; filters; follows customer scope', async () => {
    const order = await orderOfR1(20_000);
    await putPlan(p.clients.finance, order.id, {
      version: 0,
      installments: [
        { dueDate: dayOffset(-20), amountFen: 5_000 },
        { dueDate: dayOffset(15), amountFen: 15_000 },
      ],
    });
    const overdue = await p.clients.finance.get(`/api/v1/payment-plans?status=overdue&customerId=${p.customers.r1[0]}`);
    expect(overdue.statusCode).toBe(200);
    const mine = overdue.json().items.filter((i: { orderId: string }) => i.orderId === order.id);
    expect(mine).toEqual([
      expect.objectContaining({
        orderNo: order.orderNo,
        customerName: expect.stringContaining('r1客户'),
        ownerId: p.users.r1.id,
        installmentNo: 1,
        dueDate: dayOffset(-20),
        amountFen: 5_000,
        paidFen: 0,
        status: 'overdue',
      }),
    ]);
    const ranged = await p.clients.r1.get(`/api/v1/payment-plans?orderId=${order.id}&dueFrom=${dayOffset(0)}`);
    expect(ranged.json().items.map((i: { installmentNo: number }) => i.installmentNo)).toEqual([2]);
    const r2 = await p.clients.r2.get(`/api/v1/payment-plans?orderId=${order.id}`);
    expect(r2.json().items).toEqual([]);
    const paged = await p.clients.finance.get(`/api/v1/payment-plans?orderId=${order.id}&limit=1`);
    const next = await p.clients.finance.get(
      `/api/v1/payment-plans?orderId=${order.id}&limit=1&cursor=${paged.json().nextCursor}`,
    );
    expect(
      [...paged.json().items, ...next.json().items].map((i: { installmentNo: number }) => i.installmentNo),
    ).toEqual([1, 2]);
  });
});
