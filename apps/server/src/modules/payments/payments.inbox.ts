import { and, asc, count, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { customers, orders, paymentPlans } from '../../platform/db/schema/index.js';
import { customerReadScope, type ScopeActor } from '../../platform/scope/data-scope.js';

export interface InstallmentDue {
  id: string;
  orderId: string;
  orderNo: string;
  customerName: string;
  installmentNo: number;
  dueDate: string;
  unpaidFen: number;
  currency: string;
}

/** Orders whose installments are owed: the same statuses the overdue job looks at. */
const PAYABLE_STATUSES = ['confirmed', 'shipped', 'completed'];

/**
 * Finance's to-do inbox sections: unpaid installments of payable orders due before `today`
 * (overdue — computed from the dates, not from the nightly job's mark) or due from `today` to
 * `until` (due soon), soonest first, with their count. Only installments whose live customer the
 * caller may read (security A3). Dates are the organization's calendar days (YYYY-MM-DD).
 */
export async function findInstallmentsDue(
  db: Executor,
  actor: ScopeActor,
  options: { today: string; until?: string; limit: number },
): Promise<{ rows: InstallmentDue[]; count: number }> {
  const due = options.until
    ? and(gte(paymentPlans.dueDate, options.today), lte(paymentPlans.dueDate, options.until))
    : lt(paymentPlans.dueDate, options.today);
  const where = and(
    eq(paymentPlans.orgId, actor.orgId),
    due,
    sql`${paymentPlans.paidFen} < ${paymentPlans.amountFen}`,
    inArray(orders.status, PAYABLE_STATUSES),
    isNull(orders.deletedAt),
    isNull(customers.deletedAt),
    customerReadScope(actor, customers),
  );
  const orderJoin = and(eq(orders.orgId, paymentPlans.orgId), eq(orders.id, paymentPlans.orderId));
  const customerJoin = and(eq(customers.orgId, paymentPlans.orgId), eq(customers.id, paymentPlans.customerId));
  const rows = await db
    .select({
      id: paymentPlans.id,
      orderId: paymentPlans.orderId,
      orderNo: orders.orderNo,
      customerName: customers.name,
      installmentNo: paymentPlans.installmentNo,
      dueDate: paymentPlans.dueDate,
      unpaidFen: sql<number>`(${paymentPlans.amountFen} - ${paymentPlans.paidFen})::bigint`.mapWith(Number),
      currency: orders.currency,
    })
    .from(paymentPlans)
    .innerJoin(orders, orderJoin)
    .innerJoin(customers, customerJoin)
    .where(where)
    .orderBy(asc(paymentPlans.dueDate), asc(paymentPlans.id))
    .limit(options.limit);
  const [total] = await db
    .select({ n: count() })
    .from(paymentPlans)
    .innerJoin(orders, orderJoin)
    .innerJoin(customers, customerJoin)
    .where(where);
  return { rows, count: Number(total?.n ?? 0) };
}
