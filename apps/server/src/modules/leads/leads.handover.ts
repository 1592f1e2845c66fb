import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { countRows } from '../../platform/db/row-reads.js';
import { leads } from '../../platform/db/schema/index.js';

/** Live leads the user owns that are not converted (a converted lead is history, its customer moves instead). */
const heldLeadsOf = (key: { orgId: string; userId: string }) =>
  and(
    eq(leads.orgId, key.orgId),
    eq(leads.ownerId, key.userId),
    ne(leads.status, 'converted'),
    isNull(leads.deletedAt),
  );

/**
 * A leaving user's leads (issue 13 hand-over): counted, listed, and given to a colleague (as an
 * assignment) or put back unassigned into their lead pool (as a return), one audit row per lead.
 * Only leads still held by `fromUserId` change, so a re-run changes none.
 */
export const heldLeadsHandover = {
  count: (db: Executor, key: { orgId: string; userId: string }) => countRows(db, leads, heldLeadsOf(key)),

  async find(db: Executor, key: { orgId: string; userId: string; limit?: number }) {
    const query = db
      .select({ id: leads.id, label: leads.name })
      .from(leads)
      .where(heldLeadsOf(key))
      .orderBy(asc(leads.id));
    return key.limit === undefined ? query : query.limit(key.limit);
  },

  /** Gives the leads to `toUserId`; a new or assigned lead becomes assigned, an invalid one stays invalid. */
  async moveTo(
    tx: Executor,
    actor: Actor,
    options: { ids: readonly string[]; fromUserId: string; toUserId: string; reason: string },
  ): Promise<number> {
    if (options.ids.length === 0) return 0;
    const moved = await tx
      .update(leads)
      .set({
        ownerId: options.toUserId,
        status: sql`case when ${leads.status} = 'new' then 'assigned' else ${leads.status} end`,
        updatedAt: sql`now()`,
        version: sql`${leads.version} + 1`,
      })
      .where(and(heldLeadsOf({ orgId: actor.orgId, userId: options.fromUserId }), inArray(leads.id, [...options.ids])))
      .returning({ id: leads.id, status: leads.status });
    for (const lead of moved) {
      await recordAudit(tx, actor, {
        action: 'assign',
        entity: 'lead',
        entityId: lead.id,
        before: { ownerId: options.fromUserId },
        after: { ownerId: options.toUserId, status: lead.status, reason: options.reason },
      });
    }
    return moved.length;
  },

  /** Puts the leads back, unassigned and new, into their lead pool (as a lead pool's waiting leads). */
  async returnToPool(
    tx: Executor,
    actor: Actor,
    options: { ids: readonly string[]; fromUserId: string; reason: string },
  ): Promise<number> {
    if (options.ids.length === 0) return 0;
    const returned = await tx
      .update(leads)
      .set({ ownerId: null, status: 'new', updatedAt: sql`now()`, version: sql`${leads.version} + 1` })
      .where(and(heldLeadsOf({ orgId: actor.orgId, userId: options.fromUserId }), inArray(leads.id, [...options.ids])))
      .returning({ id: leads.id, poolId: leads.poolId });
    for (const lead of returned) {
      await recordAudit(tx, actor, {
        action: 'return',
        entity: 'lead',
        entityId: lead.id,
        before: { ownerId: options.fromUserId },
        after: { ownerId: null, status: 'new', poolId: lead.poolId, reason: options.reason },
      });
    }
    return returned.length;
  },
};
