import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { customers, orders, paymentPlans, payments, users } from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';
import { customerReadScope, type ScopeActor } from '../../platform/scope/data-scope.js';
import { columnsEqual } from '../../platform/db/row-reads.js';
import { keysetAfter } from '../../platform/db/keyset.js';

export interface InstallmentRow {
  id: string;
  orderId: string;
  orderNo: string;
  customerId: string;
  customerName: string;
  ownerId: string;
  ownerName: string | null;
  installmentNo: number;
  dueDate: string;
  amountFen: number;
  paidFen: number;
  currency: string;
  status: string;
  notes: string | null;
  version: number;
}

const row = {
  id: paymentPlans.id,
  orderId: paymentPlans.orderId,
  orderNo: orders.orderNo,
  customerId: paymentPlans.customerId,
  customerName: customers.name,
  ownerId: orders.ownerId,
  ownerName: users.displayName,
  installmentNo: paymentPlans.installmentNo,
  dueDate: paymentPlans.dueDate,
  amountFen: paymentPlans.amountFen,
  paidFen: paymentPlans.paidFen,
  currency: orders.currency,
  status: paymentPlans.status,
  notes: paymentPlans.notes,
  version: paymentPlans.version,
};
const joins = {
  order: and(eq(orders.orgId, paymentPlans.orgId), eq(orders.id, paymentPlans.orderId)),
  customer: and(eq(customers.orgId, paymentPlans.orgId), eq(customers.id, paymentPlans.customerId)),
  owner: and(eq(users.orgId, orders.orgId), eq(users.id, orders.ownerId)),
};

/** An installment with its order, customer and the order's owner, as every installment read shows it. */
const selectInstallments = (db: Executor) =>
  db
    .select(row)
    .from(paymentPlans)
    .innerJoin(orders, joins.order)
    .innerJoin(customers, joins.customer)
    .leftJoin(users, joins.owner);

export interface InstallmentFilters {
  status?: string | undefined;
  customerId?: string | undefined;
  orderId?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
}

function filterConditions(filters: InstallmentFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(paymentPlans.status, filters.status));
  if (filters.customerId) conditions.push(eq(paymentPlans.customerId, filters.customerId));
  if (filters.orderId) conditions.push(eq(paymentPlans.orderId, filters.orderId));
  if (filters.dueFrom) conditions.push(gte(paymentPlans.dueDate, filters.dueFrom));
  if (filters.dueTo) conditions.push(lte(paymentPlans.dueDate, filters.dueTo));
  return conditions;
}

/** All SQL on payment plan installments (回款计划); reads follow the customer's scope. */
export const plansRepository = {
  /** Installments across orders, soonest due first, keyset on (due_date, id). Deleted orders drop out. */
  async findPage(
    db: Executor,
    actor: ScopeActor,
    options: { filters: InstallmentFilters; cursor: Cursor | null; limit: number },
  ): Promise<InstallmentRow[]> {
    const conditions = [
      eq(paymentPlans.orgId, actor.orgId),
      customerReadScope(actor, customers),
      sql`${orders.deletedAt} is null and ${orders.status} <> 'cancelled'`,
      ...filterConditions(options.filters),
    ];
    if (options.cursor) {
      const { dueDate: sort, id } = paymentPlans;
      conditions.push(keysetAfter({ sort, id, cursor: options.cursor, cast: 'date', descending: false }));
    }
    return selectInstallments(db)
      .where(and(...conditions))
      .orderBy(asc(paymentPlans.dueDate), asc(paymentPlans.id))
      .limit(options.limit);
  },

  /** One order's installments by number (its visibility is checked by the caller). */
  async findForOrder(db: Executor, key: { orgId: string; orderId: string }): Promise<InstallmentRow[]> {
    return selectInstallments(db)
      .where(and(eq(paymentPlans.orgId, key.orgId), eq(paymentPlans.orderId, key.orderId)))
      .orderBy(asc(paymentPlans.installmentNo));
  },

  async insertMany(db: Executor, values: (typeof paymentPlans.$inferInsert)[]): Promise<void> {
    if (values.length > 0) await db.insert(paymentPlans).values(values);
  },

  /** Rewrites one installment in place (it keeps its id, so payments naming it stay linked). */
  async update(
    db: Executor,
    key: { orgId: string; id: string },
    changes: Partial<
      Pick<typeof paymentPlans.$inferInsert, 'dueDate' | 'amountFen' | 'notes' | 'paidFen' | 'status' | 'version'>
    >,
  ): Promise<void> {
    await db
      .update(paymentPlans)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(and(eq(paymentPlans.orgId, key.orgId), eq(paymentPlans.id, key.id)));
  },

  /** Drops installments a replaced plan no longer has; payments that named them keep counting, unnamed. */
  async deleteMany(db: Executor, key: { orgId: string; orderId: string; ids: string[] }): Promise<void> {
    if (key.ids.length === 0) return;
    await db
      .update(payments)
      .set({ planId: null })
      .where(and(eq(payments.orgId, key.orgId), eq(payments.orderId, key.orderId), inArray(payments.planId, key.ids)));
    const plans = columnsEqual(paymentPlans, { orgId: key.orgId, orderId: key.orderId });
    await db.delete(paymentPlans).where(and(plans, inArray(paymentPlans.id, key.ids)));
  },
};
