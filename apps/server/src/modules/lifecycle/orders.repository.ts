import { and, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { lifecycleOrders } from '../../platform/db/schema/index.js';
import { columnsEqual, countRows } from '../../platform/db/row-reads.js';

/** The lifecycle's own record of confirmed orders, kept from order events (one row per order). */
export const ordersRepository = {
  /** False when this order was already recorded (the event is a repeat). */
  async recordConfirmed(
    db: Executor,
    order: { orgId: string; orderId: string; customerId: string; at: Date },
  ): Promise<boolean> {
    const rows = await db
      .insert(lifecycleOrders)
      .values({ orgId: order.orgId, orderId: order.orderId, customerId: order.customerId, confirmedAt: order.at })
      .onConflictDoNothing()
      .returning({ orderId: lifecycleOrders.orderId });
    return rows.length > 0;
  },

  /** False when the order is unknown to the lifecycle or already cancelled. */
  async recordCancelled(
    db: Executor,
    order: { orgId: string; orderId: string; customerId: string; at: Date },
  ): Promise<boolean> {
    const { orgId, orderId, customerId } = order;
    const rows = await db
      .update(lifecycleOrders)
      .set({ cancelledAt: order.at })
      .where(and(columnsEqual(lifecycleOrders, { orgId, orderId, customerId }), isNull(lifecycleOrders.cancelledAt)))
      .returning({ orderId: lifecycleOrders.orderId });
    return rows.length > 0;
  },

  async countConfirmed(db: Executor, key: { orgId: string; customerId: string }): Promise<number> {
    const confirmed = columnsEqual(lifecycleOrders, { orgId: key.orgId, customerId: key.customerId });
    return countRows(db, lifecycleOrders, and(confirmed, isNull(lifecycleOrders.cancelledAt)));
  },
};
