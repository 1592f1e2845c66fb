import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { customers, orders } from '../../platform/db/schema/index.js';
import { customerReadScope, type ScopeActor } from '../../platform/scope/data-scope.js';

export interface OrderToConfirm {
  id: string;
  orderNo: string;
  customerName: string;
  totalFen: number;
  currency: string;
  submittedAt: Date | null;
}

/**
 * Finance's to-do inbox section: submitted orders waiting for confirmation, oldest submission
 * first, with their count. Only orders whose live customer the caller may read (security A3).
 */
export async function findOrdersToConfirm(
  db: Executor,
  actor: ScopeActor,
  limit: number,
): Promise<{ rows: OrderToConfirm[]; count: number }> {
  const where = and(
    eq(orders.orgId, actor.orgId),
    eq(orders.status, 'submitted'),
    isNull(orders.deletedAt),
    isNull(customers.deletedAt),
    customerReadScope(actor, customers),
  );
  const join = and(eq(customers.orgId, orders.orgId), eq(customers.id, orders.customerId));
  const rows = await db
    .select({
      id: orders.id,
      orderNo: orders.orderNo,
      customerName: customers.name,
      totalFen: orders.totalFen,
      currency: orders.currency,
      submittedAt: orders.submittedAt,
    })
    .from(orders)
    .innerJoin(customers, join)
    .where(where)
    .orderBy(asc(orders.submittedAt), asc(orders.id))
    .limit(limit);
  const [total] = await db.select({ n: count() }).from(orders).innerJoin(customers, join).where(where);
  return { rows, count: Number(total?.n ?? 0) };
}
