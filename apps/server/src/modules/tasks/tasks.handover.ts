import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { countRows } from '../../platform/db/row-reads.js';
import { tasks } from '../../platform/db/schema/index.js';

/** Open, live tasks assigned to the user. */
const openTasksOf = (key: { orgId: string; userId: string }) =>
  and(eq(tasks.orgId, key.orgId), eq(tasks.assigneeId, key.userId), eq(tasks.status, 'open'), isNull(tasks.deletedAt));

/**
 * A leaving user's open tasks (issue 13 hand-over): counted, listed, and reassigned to a colleague
 * with one audit row per task. Only tasks still assigned to `fromUserId` move, so a re-run moves none.
 */
export const openTasksHandover = {
  count: (db: Executor, key: { orgId: string; userId: string }) => countRows(db, tasks, openTasksOf(key)),

  async find(db: Executor, key: { orgId: string; userId: string; limit?: number }) {
    const query = db
      .select({ id: tasks.id, label: tasks.title })
      .from(tasks)
      .where(openTasksOf(key))
      .orderBy(asc(tasks.id));
    return key.limit === undefined ? query : query.limit(key.limit);
  },

  async moveTo(
    tx: Executor,
    actor: Actor,
    options: { ids: readonly string[]; fromUserId: string; toUserId: string; reason: string },
  ): Promise<number> {
    if (options.ids.length === 0) return 0;
    const moved = await tx
      .update(tasks)
      .set({ assigneeId: options.toUserId, updatedAt: sql`now()`, version: sql`${tasks.version} + 1` })
      .where(and(openTasksOf({ orgId: actor.orgId, userId: options.fromUserId }), inArray(tasks.id, [...options.ids])))
      .returning({ id: tasks.id });
    for (const { id } of moved) {
      await recordAudit(tx, actor, {
        action: 'assign',
        entity: 'task',
        entityId: id,
        before: { assigneeId: options.fromUserId },
        after: { assigneeId: options.toUserId, reason: options.reason },
      });
    }
    return moved.length;
  },
};
