import { and, eq } from 'drizzle-orm';
import { newId } from '../../platform/db/ids.js';
import { orders } from '../../platform/db/schema/index.js';
import type { TestContext } from '../../test/test-app.js';

let orderCounter = 0;

/**
 * An order written straight into the database, in any state, for payment tests: the order's own
 * lifecycle (lines, credit, confirmation) is the orders module's and tested there.
 */
export async function insertOrder(
  ctx: TestContext,
  options: {
    orgId: string;
    customerId: string;
    ownerId: string;
    totalFen: number;
    status?: string;
    confirmedAt?: Date;
  },
): Promise<{ id: string; orderNo: string }> {
  const id = newId();
  const orderNo = `PAY-T-${Date.now().toString(36)}-${orderCounter++}`;
  const status = options.status ?? 'confirmed';
  await ctx.database.db.insert(orders).values({
    orgId: options.orgId,
    id,
    orderNo,
    customerId: options.customerId,
    ownerId: options.ownerId,
    status,
    orderDate: '2026-01-05',
    totalFen: options.totalFen,
    createdBy: options.ownerId,
    confirmedAt: status === 'draft' ? null : (options.confirmedAt ?? new Date()),
  });
  return { id, orderNo };
}

export async function paidFenOf(ctx: TestContext, orgId: string, orderId: string): Promise<number> {
  const rows = await ctx.database.db
    .select({ paidFen: orders.paidFen })
    .from(orders)
    .where(and(eq(orders.orgId, orgId), eq(orders.id, orderId)));
  return rows[0]!.paidFen;
}

/** A calendar date `days` from today (UTC; the tests keep clear of midnight edges by margins of days). */
export const dayOffset = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
