import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { stockLevelsRepository } from './stock-levels.repository.js';

export interface OrderStockLine {
  lineId: string;
  productId: string;
  productName: string;
  quantity: number;
}

type AuditActor = Pick<Actor, 'orgId' | 'userId' | 'ip' | 'requestId'>;

/** The 409 every stock shortage answers with, naming the product (issue 5). */
export const stockShort = (product: string, available: number, requested: number) =>
  new AppError('conflict', 'error.stock.short', { params: { product, available, requested } });

/** Quantities per product; products sorted so concurrent writers lock rows in the same order (no deadlock). */
function sumByProduct(lines: readonly { productId: string; quantity: number }[]): [string, number][] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.productId, (totals.get(line.productId) ?? 0) + line.quantity);
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Pending issues summed per warehouse and product, in lock order. */
function sumByLevel(moves: readonly { warehouseId: string; productId: string; quantity: number }[]) {
  const totals = new Map<string, { warehouseId: string; productId: string; quantity: number }>();
  for (const m of moves) {
    const key = `${m.warehouseId}/${m.productId}`;
    const entry = totals.get(key) ?? { warehouseId: m.warehouseId, productId: m.productId, quantity: 0 };
    entry.quantity += m.quantity;
    totals.set(key, entry);
  }
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);
}

async function settle(
  tx: Executor,
  actor: AuditActor,
  order: { orgId: string; orderId: string },
  status: 'done' | 'cancelled',
): Promise<number> {
  const moves = await stockLevelsRepository.settlePendingIssues(
    tx,
    order,
    status,
    status === 'done' ? actor.userId : null,
  );
  for (const level of sumByLevel(moves)) {
    const key = { orgId: order.orgId, warehouseId: level.warehouseId, productId: level.productId };
    const result = await stockLevelsRepository.unreserve(tx, key, level.quantity, { ship: status === 'done' });
    // A pending issue always has its reservation; a missing one means the data was changed by hand.
    if (!result) throw new Error(`stock reservation missing for order ${order.orderId}, product ${level.productId}`);
  }
  for (const move of moves) {
    await recordAudit(tx, actor, {
      action: status === 'done' ? 'confirm' : 'cancel',
      entity: 'stock_movement',
      entityId: move.id,
      before: { status: 'pending' },
      after: { status, orderId: order.orderId, productId: move.productId, quantity: move.quantity },
    });
  }
  return moves.length;
}

/**
 * The stock side of an order's life (domain §5): confirming reserves, the warehouse's confirmation
 * issues, cancelling releases. All run in the order's transaction, so they commit or roll back with it.
 */
export const orderStock = {
  /** Reserves every line in the order's warehouse; the first short product throws 409 `error.stock.short`. */
  async reserveForOrder(
    tx: Executor,
    actor: AuditActor,
    order: { orgId: string; orderId: string; orderNo: string; warehouseId: string; lines: OrderStockLine[] },
  ): Promise<void> {
    const names = new Map(order.lines.map((l) => [l.productId, l.productName]));
    for (const [productId, quantity] of sumByProduct(order.lines)) {
      const key = { orgId: order.orgId, warehouseId: order.warehouseId, productId };
      const reserved = await stockLevelsRepository.reserve(tx, key, quantity);
      if (!reserved) {
        const available =
          (await stockLevelsRepository.available(tx, order.orgId, order.warehouseId, [productId])).get(productId) ?? 0;
        throw stockShort(names.get(productId) ?? productId, Math.max(available, 0), quantity);
      }
    }
    const movements = order.lines.map((line) => ({
      orgId: order.orgId,
      id: newId(),
      kind: 'issue',
      status: 'pending',
      warehouseId: order.warehouseId,
      productId: line.productId,
      quantity: line.quantity,
      reason: 'order',
      orderId: order.orderId,
      orderLineId: line.lineId,
      createdBy: actor.userId,
    }));
    await stockLevelsRepository.insertMovements(tx, movements);
    for (const movement of movements) {
      await recordAudit(tx, actor, {
        action: 'create',
        entity: 'stock_movement',
        entityId: movement.id,
        after: { ...movement, orderNo: order.orderNo },
      });
    }
  },

  /** Order cancelled before shipping: pending issues → cancelled, reservations released. Idempotent. */
  async releaseForOrder(tx: Executor, actor: AuditActor, order: { orgId: string; orderId: string }): Promise<void> {
    await settle(tx, actor, order, 'cancelled');
  },

  /** The warehouse confirms the stock-out: pending issues → done, on hand and reserved drop. */
  confirmIssuesForOrder(tx: Executor, actor: AuditActor, order: { orgId: string; orderId: string }): Promise<number> {
    return settle(tx, actor, order, 'done');
  },

  /**
   * What an order could still take per product (on hand − reserved) in a warehouse; a product never
   * stocked there has 0.
   */
  async availableIn(db: Executor, key: { orgId: string; warehouseId: string }, productIds: string[]) {
    const found = await stockLevelsRepository.available(db, key.orgId, key.warehouseId, productIds);
    return new Map(productIds.map((id) => [id, found.get(id) ?? 0]));
  },

  /** The org's active default warehouse, or null when none is set. */
  defaultWarehouseId(db: Executor, orgId: string): Promise<string | null> {
    return stockLevelsRepository.defaultWarehouseId(db, orgId);
  },
};
