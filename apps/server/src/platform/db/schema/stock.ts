import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { created, editable, organizationReference, tenantKey, tenantPrimaryKey, tenantReference } from './columns.js';
import { organizations, users } from './organizations.js';
import { products } from './products.js';

/** Warehouses (仓库); one may be the default for new orders. */
export const warehouses = pgTable(
  'warehouses',
  {
    ...tenantKey(),
    code: varchar('code', { length: 32 }).notNull(),
    name: varchar('name', { length: 64 }).notNull(),
    address: varchar('address', { length: 200 }),
    isDefault: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    uniqueIndex('warehouses_code_key').on(t.orgId, t.code),
    uniqueIndex('warehouses_default_key')
      .on(t.orgId)
      .where(sql`is_default`),
  ],
);

/**
 * Stock per product per warehouse. `reserved` is held for confirmed orders until the warehouse
 * confirms the issue. The checks make negative stock impossible whatever the writer: available
 * (`on_hand − reserved`) never drops below zero, so two confirmations of the last unit cannot both
 * succeed (the second update finds no row satisfying the condition after the first commits).
 */
export const stockLevels = pgTable(
  'stock_levels',
  {
    orgId: uuid('org_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    productId: uuid('product_id').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.warehouseId, t.productId] }),
    tenantReference(t, t.warehouseId, warehouses),
    tenantReference(t, t.productId, products),
    index('stock_levels_product_idx').on(t.orgId, t.productId),
    check('stock_levels_non_negative', sql`reserved >= 0 and on_hand >= reserved`),
  ],
);

/**
 * Stock movements (出入库): receipt, issue, transfer (from `warehouse_id` to `to_warehouse_id`),
 * adjustment (`quantity` is the signed change). Order issues are written `pending` when the order
 * is confirmed (the stock is reserved) and become `done` when the warehouse confirms them, or
 * `cancelled` when the order is cancelled (the reservation is released).
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    ...tenantKey(),
    kind: varchar('kind', { length: 12 }).notNull(),
    status: varchar('status', { length: 10 }).notNull().default('done'),
    warehouseId: uuid('warehouse_id').notNull(),
    toWarehouseId: uuid('to_warehouse_id'),
    productId: uuid('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    reason: text('reason'),
    orderId: uuid('order_id'),
    orderLineId: uuid('order_line_id'),
    createdBy: uuid('created_by').notNull(),
    ...created(),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.warehouseId, warehouses),
    tenantReference(t, t.toWarehouseId, warehouses),
    tenantReference(t, t.productId, products),
    tenantReference(t, t.createdBy, users),
    check('stock_movements_kind', sql`kind in ('receipt', 'issue', 'transfer', 'adjustment')`),
    check('stock_movements_status', sql`status in ('pending', 'done', 'cancelled')`),
    check('stock_movements_quantity', sql`(kind = 'adjustment' and quantity <> 0) or quantity > 0`),
    index('stock_movements_created_idx').on(t.orgId, t.createdAt, t.id),
    index('stock_movements_order_idx').on(t.orgId, t.orderId),
    index('stock_movements_pending_idx')
      .on(t.orgId, t.warehouseId, t.createdAt)
      .where(sql`status = 'pending'`),
    index('stock_movements_product_idx').on(t.orgId, t.productId, t.createdAt),
  ],
);
