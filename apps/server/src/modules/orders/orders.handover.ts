import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { countRows } from '../../platform/db/row-reads.js';
import { orders } from '../../platform/db/schema/index.js';

/** Open orders (neither completed nor cancelled) credited to the user. */
const openOrdersOf = (key: { orgId: string; userId: string }) =>
  and(
    eq(orders.orgId, key.orgId),
    eq(orders.ownerId, key.userId),
    notInArray(orders.status, ['completed', 'cancelled']),
    isNull(orders.deletedAt),
  );

/**
 * A leaving user's open orders (issue 13 hand-over): counted, listed, and reassigned to a colleague
 * with one audit row per order. Only orders still assigned to `fromUserId` move, so a re-run moves none.
 */
export const openOrdersHandover = {
  count: (db: Executor, key: { orgId: string; userId: string }) => countRows(db, orders, openOrdersOf(key)),

  async find(db: Executor, key: { orgId: string; userId: string; limit?: number }) {
    const query = db
      .select({ id: orders.id, label: orders.orderNo })
      .from(orders)
      .where(openOrdersOf(key))
      .orderBy(asc(orders.id));
    return key.limit === undefined ? query : query.limit(key.limit);
  },

  async moveTo(
    tx: Executor,
    actor: Actor,
    options: { ids: readonly string[]; fromUserId: string; toUserId: string; reason: string },
  ): Promise<number> {
    if (options.ids.length === 0) return 0;
    const moved = await tx
      .update(orders)
      .set({ ownerId: options.toUserId, updatedAt: sql`now()`, version: sql`${orders.version} + 1` })
      .where(
        and(openOrdersOf({ orgId: actor.orgId, userId: options.fromUserId }), inArray(orders.id, [...options.ids])),
      )
      .returning({ id: orders.id });
    for (const { id } of moved) {
      await recordAudit(tx, actor, {
        action: 'assign',
        entity: 'order',
        entityId: id,
        before: { ownerId: options.fromUserId },
        after: { ownerId: options.toUserId, reason: options.reason },
      });
    }
    return moved.length;
  },
};
