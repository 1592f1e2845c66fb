import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { countRows } from '../../platform/db/row-reads.js';
import { opportunities } from '../../platform/db/schema/index.js';

/** Open (not yet won, lost or invalid), live opportunities the user owns. */
const openOpportunitiesOf = (key: { orgId: string; userId: string }) =>
  and(
    eq(opportunities.orgId, key.orgId),
    eq(opportunities.ownerId, key.userId),
    eq(opportunities.status, 'open'),
    isNull(opportunities.deletedAt),
  );

/**
 * A leaving user's open opportunities (issue 13 hand-over): counted, listed, and reassigned to a colleague
 * with one audit row per opportunity. Only opportunities still assigned to `fromUserId` move, so a re-run moves none.
 */
export const openOpportunitiesHandover = {
  count: (db: Executor, key: { orgId: string; userId: string }) =>
    countRows(db, opportunities, openOpportunitiesOf(key)),

  async find(db: Executor, key: { orgId: string; userId: string; limit?: number }) {
    const query = db
      .select({ id: opportunities.id, label: opportunities.name })
      .from(opportunities)
      .where(openOpportunitiesOf(key))
      .orderBy(asc(opportunities.id));
    return key.limit === undefined ? query : query.limit(key.limit);
  },

  async moveTo(
    tx: Executor,
    actor: Actor,
    options: { ids: readonly string[]; fromUserId: string; toUserId: string; reason: string },
  ): Promise<number> {
    if (options.ids.length === 0) return 0;
    const moved = await tx
      .update(opportunities)
      .set({ ownerId: options.toUserId, updatedAt: sql`now()`, version: sql`${opportunities.version} + 1` })
      .where(
        and(
          openOpportunitiesOf({ orgId: actor.orgId, userId: options.fromUserId }),
          inArray(opportunities.id, [...options.ids]),
        ),
      )
      .returning({ id: opportunities.id });
    for (const { id } of moved) {
      await recordAudit(tx, actor, {
        action: 'assign',
        entity: 'opportunity',
        entityId: id,
        before: { ownerId: options.fromUserId },
        after: { ownerId: options.toUserId, reason: options.reason },
      });
    }
    return moved.length;
  },
};
