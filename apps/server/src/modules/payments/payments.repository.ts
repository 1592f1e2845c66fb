import { and, asc, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.js';
import { customers, orders, paymentPlans, payments, users } from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';
import { customerReadScope, ownedRecordScope, type ScopeActor } from '../../platform/scope/data-scope.js';
import { keysetAfter } from '../../platform/db/keyset.js';
import { firstRow } from '../../platform/db/row-reads.js';

export interface PaymentRow {
  id: string;
  orderId: string;
  orderNo: string;
  isFirstOrder: boolean;
  customerId: string;
  customerName: string;
  planId: string | null;
  installmentNo: number | null;
  amountFen: number;
  currency: string;
  method: string;
  receivedOn: string;
  reference: string | null;
  notes: string | null;
  recordedBy: string;
  recordedByName: string | null;
  createdAt: Date;
  voidedAt: Date | null;
  voidedBy: string | null;
  voidReason: string | null;
}

/** The order a payment or plan is about, as the payment rules need it. */
export interface PayableOrder {
  id: string;
  orderNo: string;
  customerId: string;
  ownerId: string;
  status: string;
  totalFen: number;
  paidFen: number;
  currency: string;
}

const recorder = alias(users, 'recorder');
const row = {
  id: payments.id,
  orderId: payments.orderId,
  orderNo: orders.orderNo,
  isFirstOrder: orders.isFirstOrder,
  customerId: payments.customerId,
  customerName: customers.name,
  planId: payments.planId,
  installmentNo: paymentPlans.installmentNo,
  amountFen: payments.amountFen,
  currency: payments.currency,
  method: payments.method,
  receivedOn: payments.receivedOn,
  reference: payments.reference,
  notes: payments.notes,
  recordedBy: payments.recordedBy,
  recordedByName: recorder.displayName,
  createdAt: payments.createdAt,
  voidedAt: payments.voidedAt,
  voidedBy: payments.voidedBy,
  voidReason: payments.voidReason,
};
const orderRow = {
  id: orders.id,
  orderNo: orders.orderNo,
  customerId: orders.customerId,
  ownerId: orders.ownerId,
  status: orders.status,
  totalFen: orders.totalFen,
  paidFen: orders.paidFen,
  currency: orders.currency,
};

const paymentJoins = {
  order: and(eq(orders.orgId, payments.orgId), eq(orders.id, payments.orderId)),
  customer: and(eq(customers.orgId, payments.orgId), eq(customers.id, payments.customerId)),
  plan: and(eq(paymentPlans.orgId, payments.orgId), eq(paymentPlans.id, payments.planId)),
  recorder: and(eq(recorder.orgId, payments.orgId), eq(recorder.id, payments.recordedBy)),
};
/** A payment with its order, customer, installment and recorder, as every payment read shows it. */
const selectPayments = (db: Executor) =>
  db
    .select(row)
    .from(payments)
    .innerJoin(orders, paymentJoins.order)
    .innerJoin(customers, paymentJoins.customer)
    .leftJoin(paymentPlans, paymentJoins.plan)
    .leftJoin(recorder, paymentJoins.recorder);
const orderCustomerJoin = and(eq(customers.orgId, orders.orgId), eq(customers.id, orders.customerId));

/** Payments are visible exactly when their customer is (security A3, as orders are). */
const visiblePayments = (actor: ScopeActor): SQL =>
  and(eq(payments.orgId, actor.orgId), customerReadScope(actor, customers))!;

export interface PaymentFilters {
  orderId?: string | undefined;
  customerId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  method?: string | undefined;
  includeVoided?: boolean | undefined;
}

function filterConditions(filters: PaymentFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.orderId) conditions.push(eq(payments.orderId, filters.orderId));
  if (filters.customerId) conditions.push(eq(payments.customerId, filters.customerId));
  if (filters.from) conditions.push(gte(payments.receivedOn, filters.from));
  if (filters.to) conditions.push(lte(payments.receivedOn, filters.to));
  if (filters.method) conditions.push(eq(payments.method, filters.method));
  if (!filters.includeVoided) conditions.push(isNull(payments.voidedAt));
  return conditions;
}

/** All SQL on payments and the order's paid amount; reads and writes follow the customer's scope. */
export const paymentsRepository = {
  /** Latest received first, keyset on (received_on, id). */
  async findPage(
    db: Executor,
    actor: ScopeActor,
    options: { filters: PaymentFilters; cursor: Cursor | null; limit: number },
  ): Promise<PaymentRow[]> {
    const conditions = [visiblePayments(actor), ...filterConditions(options.filters)];
    if (options.cursor) {
      const { receivedOn: sort, id } = payments;
      conditions.push(keysetAfter({ sort, id, cursor: options.cursor, cast: 'date', descending: true }));
    }
    return selectPayments(db)
      .where(and(...conditions))
      .orderBy(desc(payments.receivedOn), desc(payments.id))
      .limit(options.limit);
  },

  async getById(db: Executor, actor: ScopeActor, id: string): Promise<PaymentRow | null> {
    return firstRow(selectPayments(db).where(and(visiblePayments(actor), eq(payments.id, id))));
  },

  /** Locks a payment whose customer the actor may see; null when unknown or out of scope (→ 404). */
  async lockById(db: Executor, actor: ScopeActor, id: string): Promise<PaymentRow | null> {
    return firstRow(
      selectPayments(db)
        .where(and(visiblePayments(actor), eq(payments.id, id)))
        .for('update', { of: payments }),
    );
  },

  /**
   * Locks a live order whose customer is in the actor's scope (`write`: the owned-record scope, as
   * order edits; otherwise the read scope). The lock serializes payments and plan changes per order.
   */
  async lockOrder(
    db: Executor,
    actor: ScopeActor,
    orderId: string,
    access: 'read' | 'write',
  ): Promise<PayableOrder | null> {
    const scope = access === 'write' ? ownedRecordScope(actor, customers) : customerReadScope(actor, customers);
    return firstRow(
      db
        .select(orderRow)
        .from(orders)
        .innerJoin(customers, orderCustomerJoin)
        .where(and(eq(orders.orgId, actor.orgId), scope, eq(orders.id, orderId), isNull(orders.deletedAt)))
        .for('update', { of: orders }),
    );
  },

  async getOrder(db: Executor, actor: ScopeActor, orderId: string): Promise<PayableOrder | null> {
    return firstRow(
      db
        .select(orderRow)
        .from(orders)
        .innerJoin(customers, orderCustomerJoin)
        .where(
          and(
            eq(orders.orgId, actor.orgId),
            customerReadScope(actor, customers),
            eq(orders.id, orderId),
            isNull(orders.deletedAt),
          ),
        ),
    );
  },

  /**
   * Adds to the order's paid amount unless that would pass its total: the guard in the statement
   * keeps concurrent payments from overpaying. False when nothing was updated. The order's version
   * is left alone — a payment is not an edit of the order, and must not make its editor's copy stale.
   */
  async addPaid(db: Executor, key: { orgId: string; orderId: string }, amountFen: number): Promise<boolean> {
    const rows = await db
      .update(orders)
      .set({ paidFen: sql`${orders.paidFen} + ${amountFen}`, updatedAt: sql`now()` })
      .where(
        and(
          eq(orders.orgId, key.orgId),
          eq(orders.id, key.orderId),
          sql`${orders.paidFen} + ${amountFen} <= ${orders.totalFen}`,
        ),
      )
      .returning({ id: orders.id });
    return rows.length > 0;
  },

  async subtractPaid(db: Executor, key: { orgId: string; orderId: string }, amountFen: number): Promise<boolean> {
    const rows = await db
      .update(orders)
      .set({ paidFen: sql`${orders.paidFen} - ${amountFen}`, updatedAt: sql`now()` })
      .where(and(eq(orders.orgId, key.orgId), eq(orders.id, key.orderId), gte(orders.paidFen, amountFen)))
      .returning({ id: orders.id });
    return rows.length > 0;
  },

  async insert(db: Executor, values: typeof payments.$inferInsert): Promise<void> {
    await db.insert(payments).values(values);
  },

  /** Marks a payment voided unless it already is; false when someone voided it first. */
  async markVoided(
    db: Executor,
    key: { orgId: string; id: string },
    values: { voidedBy: string; voidReason: string },
  ): Promise<boolean> {
    const rows = await db
      .update(payments)
      .set({ ...values, voidedAt: sql`now()` })
      .where(and(eq(payments.orgId, key.orgId), eq(payments.id, key.id), isNull(payments.voidedAt)))
      .returning({ id: payments.id });
    return rows.length > 0;
  },

  /** The order's live payments in the order they came in (the allocation's order). */
  async findLiveForOrder(db: Executor, key: { orgId: string; orderId: string }) {
    return db
      .select({ id: payments.id, planId: payments.planId, amountFen: payments.amountFen })
      .from(payments)
      .where(and(eq(payments.orgId, key.orgId), eq(payments.orderId, key.orderId), isNull(payments.voidedAt)))
      .orderBy(asc(payments.receivedOn), asc(payments.createdAt), asc(payments.id));
  },
};
