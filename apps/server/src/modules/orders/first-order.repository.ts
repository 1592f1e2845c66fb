import type { Stage } from '@guanxi/contract';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { customers, orders } from '../../platform/db/schema/index.js';

/** The reads behind the first-order flag (首单). */
export const firstOrderRepository = {
  /** True when the customer has another live order that was confirmed and not cancelled. */
  async hasOtherConfirmedOrder(
    db: Executor,
    key: { orgId: string; customerId: string; exceptOrderId: string },
  ): Promise<boolean> {
    const rows = await db
      .select({ one: sql`1` })
      .from(orders)
      .where(
        and(
          eq(orders.orgId, key.orgId),
          eq(orders.customerId, key.customerId),
          ne(orders.id, key.exceptOrderId),
          inArray(orders.status, ['confirmed', 'shipped', 'completed']),
          isNull(orders.deletedAt),
        ),
      )
      .limit(1);
    return rows.length > 0;
  },

  /** The customer's stage now (after the lifecycle rules of the confirmation ran) and owner. */
  async findCustomer(db: Executor, key: { orgId: string; customerId: string }) {
    const rows = await db
      .select({ stage: customers.stage, ownerId: customers.ownerId })
      .from(customers)
      .where(and(eq(customers.orgId, key.orgId), eq(customers.id, key.customerId)));
    const row = rows[0];
    return row ? { stage: row.stage as Stage, ownerId: row.ownerId } : null;
  },
};
