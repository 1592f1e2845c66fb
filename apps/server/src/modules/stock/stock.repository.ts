import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { LOW_STOCK_THRESHOLD } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import {
  customers,
  orders,
  products,
  stockLevels,
  stockMovements,
  users,
  warehouses,
} from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';
import { customerReadScope, type ScopeActor } from '../../platform/scope/data-scope.js';
import { firstRow } from '../../platform/db/row-reads.js';

const toWarehouse = alias(warehouses, 'to_warehouse');
const confirmer = alias(users, 'confirmer');

const available = sql<number>`${stockLevels.onHand} - ${stockLevels.reserved}`;

/**
 * The order of a movement as its reader may see it: live, with a live customer in the reader's
 * read scope — the same rule that makes `GET /orders/{id}` answer 404 (security A3).
 */
const orderVisibleTo = (actor: ScopeActor): SQL =>
  and(isNull(orders.deletedAt), isNull(customers.deletedAt), customerReadScope(actor, customers))!;

const levelRow = {
  warehouseId: stockLevels.warehouseId,
  warehouseCode: warehouses.code,
  warehouseName: warehouses.name,
  productId: stockLevels.productId,
  productCode: products.code,
  productName: products.name,
  unit: products.unit,
  onHand: stockLevels.onHand,
  reserved: stockLevels.reserved,
  updatedAt: stockLevels.updatedAt,
};

export interface LevelFilters {
  warehouseId?: string | undefined;
  productId?: string | undefined;
  q?: string | undefined;
  lowOnly?: boolean | undefined;
}

export interface MovementFilters {
  /** One movement (to read back what was just written). */
  id?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  warehouseId?: string | undefined;
  productId?: string | undefined;
  orderId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Reads of stock and movements. Stock belongs to the organization (warehouse staff and sellers
 * checking availability see all of it); what is tied to an order — its number, its customer — is
 * shown only when the order's customer is in the caller's read scope (security A3).
 */
export const stockRepository = {
  /** Ordered by product code, then product and warehouse ids; the cursor carries all three. */
  async findLevels(
    db: Executor,
    orgId: string,
    options: {
      filters: LevelFilters;
      after: { code: string; productId: string; warehouseId: string } | null;
      limit: number;
    },
  ) {
    const { filters, after } = options;
    const conditions: SQL[] = [eq(stockLevels.orgId, orgId), isNull(products.deletedAt)];
    if (filters.warehouseId) conditions.push(eq(stockLevels.warehouseId, filters.warehouseId));
    if (filters.productId) conditions.push(eq(stockLevels.productId, filters.productId));
    if (filters.q)
      conditions.push(
        sql`(position(lower(${filters.q}) in lower(${products.name})) > 0 or position(lower(${filters.q}) in lower(${products.code})) > 0)`,
      );
    if (filters.lowOnly) conditions.push(sql`${available} < ${LOW_STOCK_THRESHOLD}`);
    if (after)
      conditions.push(
        sql`(${products.code}, ${stockLevels.productId}, ${stockLevels.warehouseId}) > (${after.code}, ${after.productId}::uuid, ${after.warehouseId}::uuid)`,
      );
    return db
      .select(levelRow)
      .from(stockLevels)
      .innerJoin(products, and(eq(products.orgId, stockLevels.orgId), eq(products.id, stockLevels.productId)))
      .innerJoin(warehouses, and(eq(warehouses.orgId, stockLevels.orgId), eq(warehouses.id, stockLevels.warehouseId)))
      .where(and(...conditions))
      .orderBy(asc(products.code), asc(stockLevels.productId), asc(stockLevels.warehouseId))
      .limit(options.limit);
  },

  /** Totals per product over all warehouses. */
  async summary(db: Executor, orgId: string, productId: string | undefined) {
    return db
      .select({
        productId: stockLevels.productId,
        productCode: products.code,
        productName: products.name,
        unit: products.unit,
        onHand: sql<number>`sum(${stockLevels.onHand})::int`,
        reserved: sql<number>`sum(${stockLevels.reserved})::int`,
      })
      .from(stockLevels)
      .innerJoin(products, and(eq(products.orgId, stockLevels.orgId), eq(products.id, stockLevels.productId)))
      .where(
        and(
          eq(stockLevels.orgId, orgId),
          isNull(products.deletedAt),
          ...(productId ? [eq(stockLevels.productId, productId)] : []),
        ),
      )
      .groupBy(stockLevels.productId, products.code, products.name, products.unit)
      .orderBy(asc(products.code))
      .limit(1000);
  },

  /** Newest first, keyset on (created_at, id). */
  async findMovements(
    db: Executor,
    actor: ScopeActor,
    options: { filters: MovementFilters; cursor: Cursor | null; limit: number },
  ) {
    const { filters, cursor } = options;
    const conditions: SQL[] = [eq(stockMovements.orgId, actor.orgId)];
    if (filters.id) conditions.push(eq(stockMovements.id, filters.id));
    if (filters.kind) conditions.push(eq(stockMovements.kind, filters.kind));
    if (filters.status) conditions.push(eq(stockMovements.status, filters.status));
    if (filters.warehouseId)
      conditions.push(
        or(eq(stockMovements.warehouseId, filters.warehouseId), eq(stockMovements.toWarehouseId, filters.warehouseId))!,
      );
    if (filters.productId) conditions.push(eq(stockMovements.productId, filters.productId));
    // Filtering by an order the caller may not see lists nothing, not the order's anonymized lines.
    if (filters.orderId) conditions.push(eq(stockMovements.orderId, filters.orderId), orderVisibleTo(actor));
    if (filters.from) conditions.push(gte(stockMovements.createdAt, sql`${filters.from}::date`));
    if (filters.to) conditions.push(lt(stockMovements.createdAt, sql`${filters.to}::date + 1`));
    if (cursor)
      conditions.push(
        sql`(${stockMovements.createdAt}, ${stockMovements.id}) < (${cursor.value}::timestamptz, ${cursor.id}::uuid)`,
      );
    return db
      .select({
        id: stockMovements.id,
        kind: stockMovements.kind,
        status: stockMovements.status,
        warehouseId: stockMovements.warehouseId,
        warehouseName: warehouses.name,
        toWarehouseId: stockMovements.toWarehouseId,
        toWarehouseName: toWarehouse.name,
        productId: stockMovements.productId,
        productCode: products.code,
        productName: products.name,
        unit: products.unit,
        quantity: stockMovements.quantity,
        reason: stockMovements.reason,
        // An order outside the caller's customer scope stays anonymous: neither its number nor its id.
        orderId: sql<string | null>`case when ${orderVisibleTo(actor)} then ${stockMovements.orderId} end`,
        orderNo: sql<string | null>`case when ${orderVisibleTo(actor)} then ${orders.orderNo} end`,
        createdBy: stockMovements.createdBy,
        createdByName: users.displayName,
        createdAt: stockMovements.createdAt,
        confirmedBy: stockMovements.confirmedBy,
        confirmedByName: confirmer.displayName,
        confirmedAt: stockMovements.confirmedAt,
        sortValue: sql<string>`${stockMovements.createdAt}::text`,
      })
      .from(stockMovements)
      .innerJoin(
        warehouses,
        and(eq(warehouses.orgId, stockMovements.orgId), eq(warehouses.id, stockMovements.warehouseId)),
      )
      .leftJoin(
        toWarehouse,
        and(eq(toWarehouse.orgId, stockMovements.orgId), eq(toWarehouse.id, stockMovements.toWarehouseId)),
      )
      .innerJoin(products, and(eq(products.orgId, stockMovements.orgId), eq(products.id, stockMovements.productId)))
      .leftJoin(users, and(eq(users.orgId, stockMovements.orgId), eq(users.id, stockMovements.createdBy)))
      .leftJoin(confirmer, and(eq(confirmer.orgId, stockMovements.orgId), eq(confirmer.id, stockMovements.confirmedBy)))
      .leftJoin(orders, and(eq(orders.orgId, stockMovements.orgId), eq(orders.id, stockMovements.orderId)))
      .leftJoin(customers, and(eq(customers.orgId, orders.orgId), eq(customers.id, orders.customerId)))
      .where(and(...conditions))
      .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
      .limit(options.limit);
  },

  /** Orders with pending issues whose customer the actor may read, oldest first. */
  async findPendingIssues(
    db: Executor,
    actor: ScopeActor,
    options: { warehouseId?: string | undefined; limit: number },
  ) {
    const pendingOrders = await db
      .select({
        orderId: stockMovements.orderId,
        orderNo: orders.orderNo,
        isFirstOrder: orders.isFirstOrder,
        customerId: customers.id,
        customerName: customers.name,
        warehouseId: stockMovements.warehouseId,
        warehouseName: warehouses.name,
        createdAt: sql<Date>`min(${stockMovements.createdAt})`.mapWith(stockMovements.createdAt),
      })
      .from(stockMovements)
      .innerJoin(orders, and(eq(orders.orgId, stockMovements.orgId), eq(orders.id, stockMovements.orderId)))
      .innerJoin(customers, and(eq(customers.orgId, orders.orgId), eq(customers.id, orders.customerId)))
      .innerJoin(
        warehouses,
        and(eq(warehouses.orgId, stockMovements.orgId), eq(warehouses.id, stockMovements.warehouseId)),
      )
      .where(
        and(
          eq(stockMovements.orgId, actor.orgId),
          eq(stockMovements.kind, 'issue'),
          eq(stockMovements.status, 'pending'),
          isNotNull(stockMovements.orderId),
          isNull(orders.deletedAt),
          ...(options.warehouseId ? [eq(stockMovements.warehouseId, options.warehouseId)] : []),
          customerReadScope(actor, customers),
        ),
      )
      .groupBy(
        stockMovements.orderId,
        orders.orderNo,
        orders.isFirstOrder,
        customers.id,
        customers.name,
        stockMovements.warehouseId,
        warehouses.name,
      )
      .orderBy(sql`min(${stockMovements.createdAt})`, stockMovements.orderId)
      .limit(options.limit);
    const orderIds = pendingOrders.map((o) => o.orderId!);
    if (orderIds.length === 0) return { orders: [], lines: [] };
    const lines = await db
      .select({
        orderId: stockMovements.orderId,
        warehouseId: stockMovements.warehouseId,
        movementId: stockMovements.id,
        productId: stockMovements.productId,
        productCode: products.code,
        productName: products.name,
        unit: products.unit,
        quantity: stockMovements.quantity,
        onHand: sql<number>`coalesce(${stockLevels.onHand}, 0)`,
      })
      .from(stockMovements)
      .innerJoin(products, and(eq(products.orgId, stockMovements.orgId), eq(products.id, stockMovements.productId)))
      .leftJoin(
        stockLevels,
        and(
          eq(stockLevels.orgId, stockMovements.orgId),
          eq(stockLevels.warehouseId, stockMovements.warehouseId),
          eq(stockLevels.productId, stockMovements.productId),
        ),
      )
      .where(
        and(
          eq(stockMovements.orgId, actor.orgId),
          eq(stockMovements.kind, 'issue'),
          eq(stockMovements.status, 'pending'),
          inArray(stockMovements.orderId, orderIds),
        ),
      )
      .orderBy(stockMovements.createdAt, stockMovements.id);
    return { orders: pendingOrders, lines };
  },

  /** A product that may be moved: live and active; null when unknown. */
  async getProduct(db: Executor, orgId: string, id: string) {
    return firstRow(
      db
        .select({ id: products.id, name: products.name, active: products.active, deletedAt: products.deletedAt })
        .from(products)
        .where(and(eq(products.orgId, orgId), eq(products.id, id))),
    );
  },
};
