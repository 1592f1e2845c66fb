import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { payments } from '../../platform/db/schema/index.js';
import { seedDemoPayments } from './payments.demo.js';
import { insertOrder, paidFenOf } from './payments.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

describe('payments demo data', () => {
  it('gives the demo an overdue, partly paid installment, a part payment and a full one', async () => {
    const orders = [];
    for (const totalFen of [300_000, 120_000, 50_000]) {
      orders.push(
        await insertOrder(ctx, { orgId: p.orgId, customerId: p.customers.r1[0]!, ownerId: p.users.r1.id, totalFen }),
      );
    }
    await ctx.database.db.transaction((tx) => seedDemoPayments(tx, { orgId: p.orgId }));

    const overdue = await p.clients.finance.get('/api/v1/payment-plans?status=overdue');
    expect(overdue.json().items).toEqual([expect.objectContaining({ amountFen: 90_000, paidFen: 45_000 })]);
    const paid = await Promise.all(orders.map((o) => paidFenOf(ctx, p.orgId, o.id)));
    expect(paid.sort((a, b) => a - b)).toEqual([45_000, 50_000, 60_000]);
    const list = await p.clients.finance.get('/api/v1/payments');
    expect(list.json().items).toHaveLength(3);
    const ageing = await p.clients.finance.get('/api/v1/reports/receivables-ageing');
    expect(ageing.json().totals.totalFen).toBe(470_000 - 155_000);
  });

  it('does nothing in an organization without confirmed orders', async () => {
    const other = await ctx.createOrg();
    await ctx.database.db.transaction((tx) => seedDemoPayments(tx, { orgId: other.orgId }));
    const rows = await ctx.database.db.select().from(payments).where(eq(payments.orgId, other.orgId));
    expect(rows).toEqual([]);
  });
});
