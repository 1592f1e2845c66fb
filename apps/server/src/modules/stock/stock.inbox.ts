import { LOW_STOCK_THRESHOLD } from '@guanxi/contract';
import { and, asc, count, countDistinct, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import {
  customers,
  orders,
  products,
  stockLevels,
  stockMovements,
  warehouses,
} from '../../platform/db/schema/index.js';
import { customerReadScope, type ScopeActor } from '../../platform/scope/data-scope.js';

export interface IssueToConfirm {
  orderId: string;
  orderNo: string;
  customerName: string;
  warehouseName: string;
  lineCount: number;
  createdAt: Date;
}

export interface LowStockLevel {
  productId: string;
  productCode: string;
  productName: string;
  unit: string;
  warehouseName: string;
  available: number;
}

/**
 * The warehouse's to-do inbox section: orders with stock issues waiting to be confirmed (shipped),
 * oldest first, with the number of such orders. Only orders whose live customer the caller may read
 * (security A3), as on the stock page's queue.
 */
export async function findIssuesToConfirm(
  db: Executor,
  actor: ScopeActor,
  limit: number,
): Promise<{ rows: IssueToConfirm[]; count: number }> {
  const where = and(
    eq(stockMovements.orgId, actor.orgId),
    eq(stockMovements.kind, 'issue'),
    eq(stockMovements.status, 'pending'),
    isNotNull(stockMovements.orderId),
    isNull(orders.deletedAt),
    isNull(customers.deletedAt),
    customerReadScope(actor, customers),
  );
  const orderJoin = and(eq(orders.orgId, stockMovements.orgId), eq(orders.id, stockMovements.orderId));
  const customerJoin = and(eq(customers.orgId, orders.orgId), eq(customers.id, orders.customerId));
  const warehouseJoin = and(eq(warehouses.orgId, stockMovements.orgId), eq(warehouses.id, stockMovements.warehouseId));
  const firstAt = sql`min(${stockMovements.createdAt})`;
  const rows = await db
    .select({
      orderId: orders.id,
      orderNo: orders.orderNo,
      customerName: customers.name,
      warehouseName: sql<string>`min(${warehouses.name})`,
      lineCount: count(),
      createdAt: firstAt.mapWith(stockMovements.createdAt),
    })
    .from(stockMovements)
    .innerJoin(orders, orderJoin)
    .innerJoin(customers, customerJoin)
    .innerJoin(warehouses, warehouseJoin)
    .where(where)
    .groupBy(orders.id, orders.orderNo, customers.name)
    .orderBy(firstAt, orders.id)
    .limit(limit);
  const [total] = await db
    .select({ n: countDistinct(stockMovements.orderId) })
    .from(stockMovements)
    .innerJoin(orders, orderJoin)
    .innerJoin(customers, customerJoin)
    .where(where);
  return { rows, count: Number(total?.n ?? 0) };
}

/**
 * The warehouse's low-stock section: stock levels (product × warehouse) whose available quantity
 * (on hand − reserved) is below the low-stock threshold, scarcest first — the rows the stock page's
 * "low stock only" filter shows. Stock belongs to the organization, so no customer scope applies.
 */
export async function findLowStock(
  db: Executor,
  orgId: string,
  limit: number,
): Promise<{ rows: LowStockLevel[]; count: number }> {
  const available = sql<number>`${stockLevels.onHand} - ${stockLevels.reserved}`;
  const where = and(
    eq(stockLevels.orgId, orgId),
    isNull(products.deletedAt),
    sql`${available} < ${LOW_STOCK_THRESHOLD}`,
  );
  const productJoin = and(eq(products.orgId, stockLevels.orgId), eq(products.id, stockLevels.productId));
  const warehouseJoin = and(eq(warehouses.orgId, stockLevels.orgId), eq(warehouses.id, stockLevels.warehouseId));
  const rows = await db
    .select({
      productId: products.id,
      productCode: products.code,
      productName: products.name,
      unit: products.unit,
      warehouseName: warehouses.name,
      available: available.mapWith(Number),
    })
    .from(stockLevels)
    .innerJoin(products, productJoin)
    .innerJoin(warehouses, warehouseJoin)
    .where(where)
    .orderBy(asc(available), asc(products.code), asc(stockLevels.warehouseId))
    .limit(limit);
  const [total] = await db.select({ n: count() }).from(stockLevels).innerJoin(products, productJoin).where(where);
  return { rows, count: Number(total?.n ?? 0) };
}
