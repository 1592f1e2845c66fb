import { and, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import {
  customers,
  orderLines,
  orders,
  orgSequences,
  paymentPlans,
  users,
  warehouses,
} from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';
import { customerReadScope, ownedRecordScope, type ScopeActor } from '../../platform/scope/data-scope.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';
import { keysetAfter, splitSortValues } from '../../platform/db/keyset.js';
import { firstRow } from '../../platform/db/row-reads.js';

/** Default order number prefix (订单 → DD) while the organization has not chosen one. */
export const DEFAULT_ORDER_PREFIX = 'DD';

const row = {
  id: orders.id,
  orderNo: orders.orderNo,
  customerId: orders.customerId,
  customerName: customers.name,
  customerStage: customers.stage,
  customerOwnerId: customers.ownerId,
  ownerId: orders.ownerId,
  ownerName: users.displayName,
  status: orders.status,
  currency: orders.currency,
  orderDate: orders.orderDate,
  warehouseId: orders.warehouseId,
  totalFen: orders.totalFen,
  costFen: orders.costFen,
  paidFen: orders.paidFen,
  notes: orders.notes,
  submittedAt: orders.submittedAt,
  creditOverrideReason: orders.creditOverrideReason,
  creditOverrideBy: orders.creditOverrideBy,
  creditOverrideByName: sql<
    string | null
  >`(select ou.display_name from users ou where ou.org_id = ${orders.orgId} and ou.id = ${orders.creditOverrideBy})`,
  confirmedAt: orders.confirmedAt,
  confirmedBy: orders.confirmedBy,
  shippedAt: orders.shippedAt,
  completedAt: orders.completedAt,
  cancelledAt: orders.cancelledAt,
  cancelReason: orders.cancelReason,
  isFirstOrder: orders.isFirstOrder,
  opportunityId: orders.opportunityId,
  customFields: orders.customFields,
  opportunityName: sql<
    string | null
  >`(select op.name from opportunities op where op.org_id = ${orders.orgId} and op.id = ${orders.opportunityId} and op.deleted_at is null)`,
  createdBy: orders.createdBy,
  createdAt: orders.createdAt,
  updatedAt: orders.updatedAt,
  version: orders.version,
  deletedAt: orders.deletedAt,
  externalId: orders.externalId,
};
export type OrderRow = Omit<typeof orders.$inferSelect, 'orgId'> & {
  customerName: string;
  customerStage: string;
  customerOwnerId: string | null;
  ownerName: string | null;
  creditOverrideByName: string | null;
  opportunityName: string | null;
};
export type OrderLineRow = typeof orderLines.$inferSelect;

const customerJoin = and(eq(customers.orgId, orders.orgId), eq(customers.id, orders.customerId));
const ownerJoin = and(eq(users.orgId, orders.orgId), eq(users.id, orders.ownerId));

/** An order is visible exactly when its live customer is (security A3). */
const visibleOrders = (actor: ScopeActor): SQL =>
  and(eq(orders.orgId, actor.orgId), customerReadScope(actor, customers), isNull(customers.deletedAt))!;
/** Changes need the customer in the owned-record scope, as customer writes do. */
const writableOrders = (actor: ScopeActor): SQL =>
  and(eq(orders.orgId, actor.orgId), ownedRecordScope(actor, customers), isNull(customers.deletedAt))!;

export interface OrderFilters {
  q?: string | undefined;
  status?: string | undefined;
  customerId?: string | undefined;
  opportunityId?: string | undefined;
  ownerId?: string | undefined;
  /** Only first orders (首单); served by the partial index orders_first_order_idx. */
  firstOrder?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filterConditions(filters: OrderFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.q) {
    conditions.push(
      sql`(position(lower(${filters.q}) in lower(${orders.orderNo})) > 0 or position(lower(${filters.q}) in lower(${customers.name})) > 0)`,
    );
  }
  if (filters.status) conditions.push(eq(orders.status, filters.status));
  if (filters.customerId) conditions.push(eq(orders.customerId, filters.customerId));
  if (filters.opportunityId) conditions.push(eq(orders.opportunityId, filters.opportunityId));
  if (filters.ownerId) conditions.push(eq(orders.ownerId, filters.ownerId));
  if (filters.firstOrder !== undefined) conditions.push(eq(orders.isFirstOrder, filters.firstOrder));
  if (filters.from) conditions.push(gte(orders.orderDate, filters.from));
  if (filters.to) conditions.push(lte(orders.orderDate, filters.to));
  return conditions;
}

/** All SQL on orders and their lines; every actor read is limited by the customer's scope. */
export const ordersRepository = {
  /** Newest first (keyset on created_at, id) or largest first (total_fen, id). */
  async findPage(
    db: Executor,
    actor: ScopeActor,
    options: { filters: OrderFilters; cursor: Cursor | null; limit: number; byTotal: boolean },
  ): Promise<{ rows: OrderRow[]; sortValues: (string | number)[] }> {
    const conditions = [visibleOrders(actor), isNull(orders.deletedAt), ...filterConditions(options.filters)];
    const { cursor } = options;
    if (cursor) {
      const after = options.byTotal
        ? { sort: orders.totalFen, cast: 'bigint' as const, value: Number(cursor.value) }
        : { sort: orders.createdAt, cast: 'timestamptz' as const, value: cursor.value };
      conditions.push(keysetAfter({ ...after, id: orders.id, cursor, descending: true }));
    }
    const sortValue = options.byTotal ? sql<number>`${orders.totalFen}` : sql<string>`${orders.createdAt}::text`;
    const rows = await db
      .select({ ...row, sortValue })
      .from(orders)
      .innerJoin(customers, customerJoin)
      .leftJoin(users, ownerJoin)
      .where(and(...conditions))
      .orderBy(...(options.byTotal ? [desc(orders.totalFen)] : [desc(orders.createdAt)]), desc(orders.id))
      .limit(options.limit);
    return splitSortValues(rows);
  },

  async getById(db: Executor, actor: ScopeActor, id: string): Promise<OrderRow | null> {
    return firstRow(
      db
        .select(row)
        .from(orders)
        .innerJoin(customers, customerJoin)
        .leftJoin(users, ownerJoin)
        .where(and(visibleOrders(actor), eq(orders.id, id), isNull(orders.deletedAt))),
    );
  },

  /**
   * A live order for an approval card, without a user scope: the approvals engine already answered
   * 404 to anyone the request is not shown to, and the decider may sit outside the seller's scope.
   */
  async getForApprovalCard(db: Executor, orgId: string, id: string): Promise<OrderRow | null> {
    return firstRow(
      db
        .select(row)
        .from(orders)
        .innerJoin(customers, customerJoin)
        .leftJoin(users, ownerJoin)
        .where(and(eq(orders.orgId, orgId), eq(orders.id, id), isNull(orders.deletedAt))),
    );
  },

  /**
   * Locks a live order for a change. `scope` 'write' asks for the owned-record scope (edits by the
   * salesperson), 'read' for the read scope (e.g. asking for a credit override), 'system' for none
   * (approval outcomes, which carry no user scope). Null when unknown or out of scope (→ 404).
   */
  async lockById(
    db: Executor,
    key: { actor: ScopeActor; scope: 'write' | 'read' } | { orgId: string; scope: 'system' },
    id: string,
  ): Promise<OrderRow | null> {
    const scope =
      key.scope === 'system'
        ? and(eq(orders.orgId, key.orgId), isNull(customers.deletedAt))!
        : key.scope === 'write'
          ? writableOrders(key.actor)
          : visibleOrders(key.actor);
    return firstRow(
      db
        .select(row)
        .from(orders)
        .innerJoin(customers, customerJoin)
        .leftJoin(users, ownerJoin)
        .where(and(scope, eq(orders.id, id), isNull(orders.deletedAt)))
        .for('update', { of: orders }),
    );
  },

  async findLines(db: Executor, orgId: string, orderId: string): Promise<OrderLineRow[]> {
    return db
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.orgId, orgId), eq(orderLines.orderId, orderId)))
      .orderBy(orderLines.lineNo);
  },

  async replaceLines(
    db: Executor,
    key: { orgId: string; orderId: string },
    lines: (typeof orderLines.$inferInsert)[],
  ): Promise<void> {
    await db.delete(orderLines).where(and(eq(orderLines.orgId, key.orgId), eq(orderLines.orderId, key.orderId)));
    if (lines.length > 0) await db.insert(orderLines).values(lines);
  },

  /** Lines of a new order (nothing to replace). */
  async insertLines(db: Executor, lines: (typeof orderLines.$inferInsert)[]): Promise<void> {
    if (lines.length > 0) await db.insert(orderLines).values(lines);
  },

  ...versionedWrites(orders),

  /**
   * The next order number: the 'order' row of org_sequences, created on first use so existing
   * organizations need no migration of data. Format: prefix + 6 digits.
   */
  async nextOrderNo(db: Executor, orgId: string): Promise<string> {
    const rows = await db
      .insert(orgSequences)
      .values({ orgId, name: 'order', prefix: DEFAULT_ORDER_PREFIX, nextValue: 2 })
      .onConflictDoUpdate({
        target: [orgSequences.orgId, orgSequences.name],
        set: { nextValue: sql`${orgSequences.nextValue} + 1` },
      })
      .returning({ prefix: orgSequences.prefix, value: sql<number>`${orgSequences.nextValue} - 1` });
    const next = rows[0]!;
    return `${next.prefix}${String(next.value).padStart(6, '0')}`;
  },

  /** Orders (deleted ones too) by external id or number, organization-wide: what an import matches. */
  async findByKeys(db: Executor, orgId: string, keys: { externalIds: readonly string[]; orderNos: readonly string[] }) {
    const matches: SQL[] = [];
    if (keys.externalIds.length > 0) matches.push(inArray(orders.externalId, [...new Set(keys.externalIds)]));
    if (keys.orderNos.length > 0) matches.push(inArray(orders.orderNo, [...new Set(keys.orderNos)]));
    if (matches.length === 0) return [];
    return db
      .select({
        id: orders.id,
        orderNo: orders.orderNo,
        externalId: orders.externalId,
        customerId: orders.customerId,
        status: orders.status,
        orderDate: orders.orderDate,
        notes: orders.notes,
        deleted: sql<boolean>`${orders.deletedAt} is not null`,
      })
      .from(orders)
      .where(and(eq(orders.orgId, orgId), or(...matches)));
  },

  async findLinesOf(db: Executor, orgId: string, orderIds: readonly string[]): Promise<OrderLineRow[]> {
    if (orderIds.length === 0) return [];
    return db
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.orgId, orgId), inArray(orderLines.orderId, [...orderIds])))
      .orderBy(orderLines.orderId, orderLines.lineNo);
  },

  /** Live orders with these numbers (or, imported, old-system numbers) the actor may read: a payment names its order. */
  async findByOrderNos(db: Executor, actor: ScopeActor, orderNos: readonly string[]): Promise<OrderRow[]> {
    if (orderNos.length === 0) return [];
    return db
      .select(row)
      .from(orders)
      .innerJoin(customers, customerJoin)
      .leftJoin(users, ownerJoin)
      .where(
        and(
          visibleOrders(actor),
          or(inArray(orders.orderNo, [...new Set(orderNos)]), inArray(orders.externalId, [...new Set(orderNos)])),
          isNull(orders.deletedAt),
        ),
      );
  },

  /** True when a live or deleted order of the organization has this number (the unique index counts both). */
  async orderNoTaken(db: Executor, orgId: string, orderNo: string): Promise<boolean> {
    const rows = await db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.orgId, orgId), eq(orders.orderNo, orderNo)))
      .limit(1);
    return rows.length > 0;
  },

  async getOrderNoPrefix(db: Executor, orgId: string): Promise<string> {
    const rows = await db
      .select({ prefix: orgSequences.prefix })
      .from(orgSequences)
      .where(and(eq(orgSequences.orgId, orgId), eq(orgSequences.name, 'order')));
    return rows[0]?.prefix ?? DEFAULT_ORDER_PREFIX;
  },

  async setOrderNoPrefix(db: Executor, orgId: string, prefix: string): Promise<void> {
    await db
      .insert(orgSequences)
      .values({ orgId, name: 'order', prefix, nextValue: 1 })
      .onConflictDoUpdate({ target: [orgSequences.orgId, orgSequences.name], set: { prefix } });
  },

  /** The customer an order is written for, in the actor's owned-record scope (null → 404). */
  async findWritableCustomer(db: Executor, actor: ScopeActor, customerId: string) {
    return firstRow(
      db
        .select({ id: customers.id, name: customers.name, ownerId: customers.ownerId, stage: customers.stage })
        .from(customers)
        .where(and(ownedRecordScope(actor, customers), eq(customers.id, customerId), isNull(customers.deletedAt))),
    );
  },

  /** Σ of the order's payment plan installments; null when it has no plan. */
  async planSumFen(db: Executor, orgId: string, orderId: string): Promise<number | null> {
    const rows = await db
      .select({ sum: sql<string | null>`sum(${paymentPlans.amountFen})::text` })
      .from(paymentPlans)
      .where(and(eq(paymentPlans.orgId, orgId), eq(paymentPlans.orderId, orderId)));
    const sum = rows[0]?.sum;
    return sum === null || sum === undefined ? null : Number(sum);
  },

  async isActiveWarehouse(db: Executor, orgId: string, warehouseId: string): Promise<boolean> {
    const rows = await db
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(and(eq(warehouses.orgId, orgId), eq(warehouses.id, warehouseId), eq(warehouses.active, true)));
    return rows.length > 0;
  },
};
