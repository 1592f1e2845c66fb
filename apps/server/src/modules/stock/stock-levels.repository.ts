import { MAX_STOCK_QUANTITY } from '@guanxi/contract';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { stockLevels, stockMovements, warehouses } from '../../platform/db/schema/index.js';
import { firstRow } from '../../platform/db/row-reads.js';

export interface LevelKey {
  orgId: string;
  warehouseId: string;
  productId: string;
}

export interface LevelAfter {
  onHand: number;
  reserved: number;
}

const levelKey = (key: LevelKey) =>
  and(
    eq(stockLevels.orgId, key.orgId),
    eq(stockLevels.warehouseId, key.warehouseId),
    eq(stockLevels.productId, key.productId),
  );

const after = { onHand: stockLevels.onHand, reserved: stockLevels.reserved };

/**
 * The writes that change stock quantities. Every decrease is one conditional UPDATE: the row lock
 * it takes makes a concurrent writer wait and then re-check the condition against the committed
 * row, so two takers of the last unit cannot both succeed. `null` means the condition failed.
 */
export const stockLevelsRepository = {
  /**
   * Adds to on-hand stock, creating the row on the first receipt into this warehouse. `null` when
   * the result would pass MAX_STOCK_QUANTITY (summed in bigint, so the check itself cannot overflow
   * the integer column the way repeated large receipts otherwise would).
   */
  async addOnHand(db: Executor, key: LevelKey, quantity: number): Promise<LevelAfter | null> {
    return firstRow(
      db
        .insert(stockLevels)
        .values({ ...key, onHand: quantity, reserved: 0 })
        .onConflictDoUpdate({
          target: [stockLevels.orgId, stockLevels.warehouseId, stockLevels.productId],
          set: { onHand: sql`${stockLevels.onHand} + ${quantity}`, updatedAt: sql`now()` },
          setWhere: sql`${stockLevels.onHand}::bigint + ${quantity}::bigint <= ${MAX_STOCK_QUANTITY}`,
        })
        .returning(after),
    );
  },

  /** Takes stock off the shelf when enough is available (not reserved for orders). */
  async takeAvailable(db: Executor, key: LevelKey, quantity: number): Promise<LevelAfter | null> {
    return firstRow(
      db
        .update(stockLevels)
        .set({ onHand: sql`${stockLevels.onHand} - ${quantity}`, updatedAt: sql`now()` })
        .where(and(levelKey(key), sql`${stockLevels.onHand} - ${stockLevels.reserved} >= ${quantity}`))
        .returning(after),
    );
  },

  /** Reserves available stock for an order. */
  async reserve(db: Executor, key: LevelKey, quantity: number): Promise<LevelAfter | null> {
    return firstRow(
      db
        .update(stockLevels)
        .set({ reserved: sql`${stockLevels.reserved} + ${quantity}`, updatedAt: sql`now()` })
        .where(and(levelKey(key), sql`${stockLevels.onHand} - ${stockLevels.reserved} >= ${quantity}`))
        .returning(after),
    );
  },

  /** Gives a reservation back; `ship` also takes the reserved stock off the shelf. */
  async unreserve(
    db: Executor,
    key: LevelKey,
    quantity: number,
    options: { ship: boolean },
  ): Promise<LevelAfter | null> {
    return firstRow(
      db
        .update(stockLevels)
        .set({
          reserved: sql`${stockLevels.reserved} - ${quantity}`,
          ...(options.ship ? { onHand: sql`${stockLevels.onHand} - ${quantity}` } : {}),
          updatedAt: sql`now()`,
        })
        .where(and(levelKey(key), sql`${stockLevels.reserved} >= ${quantity}`))
        .returning(after),
    );
  },

  /** Available (on hand − reserved) per product in one warehouse; products without a row are absent. */
  async available(
    db: Executor,
    orgId: string,
    warehouseId: string,
    productIds: string[],
  ): Promise<Map<string, number>> {
    if (productIds.length === 0) return new Map();
    const rows = await db
      .select({
        productId: stockLevels.productId,
        available: sql<number>`${stockLevels.onHand} - ${stockLevels.reserved}`,
      })
      .from(stockLevels)
      .where(
        and(
          eq(stockLevels.orgId, orgId),
          eq(stockLevels.warehouseId, warehouseId),
          inArray(stockLevels.productId, productIds),
        ),
      );
    return new Map(rows.map((r) => [r.productId, Number(r.available)]));
  },

  async insertMovements(db: Executor, values: (typeof stockMovements.$inferInsert)[]): Promise<void> {
    if (values.length > 0) await db.insert(stockMovements).values(values);
  },

  /**
   * Moves an order's pending issues to `status` and returns them. The UPDATE is the claim: of two
   * concurrent cancels (or ship + cancel) only the first finds them pending, so stock moves once.
   */
  async settlePendingIssues(
    db: Executor,
    key: { orgId: string; orderId: string },
    status: 'done' | 'cancelled',
    confirmedBy: string | null,
  ) {
    return db
      .update(stockMovements)
      .set({
        status,
        ...(status === 'done' ? { confirmedBy, confirmedAt: sql`now()` } : {}),
      })
      .where(
        and(
          eq(stockMovements.orgId, key.orgId),
          eq(stockMovements.orderId, key.orderId),
          eq(stockMovements.kind, 'issue'),
          eq(stockMovements.status, 'pending'),
        ),
      )
      .returning({
        id: stockMovements.id,
        warehouseId: stockMovements.warehouseId,
        productId: stockMovements.productId,
        quantity: stockMovements.quantity,
        orderLineId: stockMovements.orderLineId,
      });
  },

  async defaultWarehouseId(db: Executor, orgId: string): Promise<string | null> {
    const rows = await db
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(and(eq(warehouses.orgId, orgId), eq(warehouses.isDefault, true), eq(warehouses.active, true)));
    return rows[0]?.id ?? null;
  },
};
