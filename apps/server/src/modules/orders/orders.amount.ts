import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { orders } from '../../platform/db/schema/index.js';

/**
 * An order's total as its confirmation or cancellation event refers to it (no scope: the event's
 * handler runs in the publishing transaction, for the order that published it).
 */
export async function orderAmount(
  db: Executor,
  key: { orgId: string; orderId: string },
): Promise<{ totalFen: number; currency: string; orderNo: string } | null> {
  const [row] = await db
    .select({ totalFen: orders.totalFen, currency: orders.currency, orderNo: orders.orderNo })
    .from(orders)
    .where(and(eq(orders.orgId, key.orgId), eq(orders.id, key.orderId)));
  return row ?? null;
}
