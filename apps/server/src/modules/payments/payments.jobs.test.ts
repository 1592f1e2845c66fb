import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications, paymentPlans } from '../../platform/db/schema/index.js';
import { DAY_MS } from '../../platform/time/index.js';
import { paymentsModule } from './index.js';
import { markOverdueInstallments } from './payments.jobs.js';
import { dayOffset, insertOrder } from './payments.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

const overdueNotices = (userId: string) =>
  ctx.database.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.orgId, p.orgId),
        eq(notifications.userId, userId),
        eq(notifications.kind, 'payment_overdue'),
      ),
    );

/** A confirmed order of r1's first customer, owned by r1. */
const r1Order = (totalFen: number) =>
  insertOrder(ctx, { orgId: p.orgId, customerId: p.customers.r1[0]!, ownerId: p.users.r1.id, totalFen });

describe('payments.markOverdue (nightly)', () => {
  it('is in the job catalog, daily at 01:00 for every organization', () => {
    const job = paymentsModule.jobs().find((j) => j.name === 'payments.markOverdue');
    expect(job).toMatchObject({ scope: 'global', schedule: { kind: 'daily', at: '01:00' } });
  });

  it('marks unpaid installments overdue the day after their due date and tells the order owner once', async () => {
    const order = await r1Order(30_000);
    const plan = await p.clients.finance.put(`/api/v1/orders/${order.id}/payment-plan`, {
      version: 0,
      installments: [
        { dueDate: dayOffset(3), amountFen: 10_000 },
        { dueDate: dayOffset(4), amountFen: 5_000 },
        { dueDate: dayOffset(30), amountFen: 15_000 },
      ],
    });
    expect(plan.statusCode, plan.body).toBe(200);
    // The second installment is paid in full beforehand, by a payment naming it.
    const [first, second] = plan.json().installments;
    await p.clients.finance.post('/api/v1/payments', {
      orderId: order.id,
      planId: second.id,
      amountFen: 5_000,
      method: 'alipay',
      receivedOn: dayOffset(-1),
    });

    // On the due date itself nothing is late yet.
    expect(await markOverdueInstallments(ctx.database.db, new Date(Date.now() + 2 * DAY_MS), p.orgId)).toBe(0);
    const later = new Date(Date.now() + 6 * DAY_MS);
    expect(await markOverdueInstallments(ctx.database.db, later, p.orgId)).toBe(1);
    const rows = await ctx.database.db
      .select({ id: paymentPlans.id, status: paymentPlans.status })
      .from(paymentPlans)
      .where(eq(paymentPlans.orderId, order.id))
      .orderBy(paymentPlans.installmentNo);
    expect(rows.map((r) => r.status)).toEqual(['overdue', 'paid', 'pending']);

    const notices = await overdueNotices(p.users.r1.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ entity: 'order', entityId: order.id });
    expect(notices[0]!.params).toMatchObject({ orderNo: order.orderNo, installmentNo: 1, unpaidFen: 10_000 });
    expect(rows[0]!.id).toBe(first.id);

    // A rerun (also a scheduled run over every organization) changes nothing and tells no one again.
    expect(await markOverdueInstallments(ctx.database.db, later, p.orgId)).toBe(0);
    expect(await markOverdueInstallments(ctx.database.db, later, null)).toBe(0);
    expect(await overdueNotices(p.users.r1.id)).toHaveLength(1);
  });

  it('tells the owner about an installment already marked overdue by a plan change, still only once', async () => {
    const order = await r1Order(8_000);
    await p.clients.finance.put(`/api/v1/orders/${order.id}/payment-plan`, {
      version: 0,
      installments: [{ dueDate: dayOffset(-5), amountFen: 8_000 }],
    });
    const before = (await overdueNotices(p.users.r1.id)).length;
    const now = new Date();
    await markOverdueInstallments(ctx.database.db, now, p.orgId);
    await markOverdueInstallments(ctx.database.db, now, p.orgId);
    const after = await overdueNotices(p.users.r1.id);
    expect(after).toHaveLength(before + 1);
    expect(after.some((n) => n.entityId === order.id)).toBe(true);
  });
});
