import { and, asc, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditEntity } from '@guanxi/contract';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { Executor } from '../db/client.js';
import { countRows } from '../db/row-reads.js';

export interface HolderKey {
  orgId: string;
  userId: string;
}

/** A table whose rows a user holds through one column (owner or assignee), versioned. */
interface HeldTable {
  table: PgTable;
  id: AnyPgColumn;
  version: AnyPgColumn;
  label: AnyPgColumn;
  /** The holder column's property name on the table (`ownerId`, `assigneeId`). */
  holder: 'ownerId' | 'assigneeId';
  entity: AuditEntity;
  /** The rows `key.userId` still holds (open, live …) in `key.orgId`. */
  held: (key: HolderKey) => SQL | undefined;
}

/**
 * What the hand-over of a leaving user (issue 13) needs of one kind of record held through one
 * column: count, a first page to show, and the move to a colleague with one audit row per record.
 * Only rows still held by `fromUserId` move, so a re-run moves none. Each owning module builds its
 * own from its table and rule of "held" and exports it through its index.
 */
export function heldRecordsHandover(spec: HeldTable) {
  return {
    count: (db: Executor, key: HolderKey) => countRows(db, spec.table, spec.held(key)),

    async find(db: Executor, key: HolderKey & { limit?: number }): Promise<{ id: string; label: string }[]> {
      const query = db
        .select({ id: spec.id, label: spec.label })
        .from(spec.table)
        .where(spec.held(key))
        .orderBy(asc(spec.id));
      return (key.limit === undefined ? await query : await query.limit(key.limit)) as { id: string; label: string }[];
    },

    async moveTo(
      tx: Executor,
      actor: Actor,
      options: { ids: readonly string[]; fromUserId: string; toUserId: string; reason: string },
    ): Promise<number> {
      if (options.ids.length === 0) return 0;
      const values = { [spec.holder]: options.toUserId, updatedAt: sql`now()`, version: sql`${spec.version} + 1` };
      const moved = (await tx
        .update(spec.table)
        // The holder column is named by the spec, so the row type cannot be checked statically here.
        .set(values as never)
        .where(and(spec.held({ orgId: actor.orgId, userId: options.fromUserId }), inArray(spec.id, [...options.ids])))
        .returning({ id: spec.id })) as { id: string }[];
      for (const { id } of moved) {
        await recordAudit(tx, actor, {
          action: 'assign',
          entity: spec.entity,
          entityId: id,
          before: { [spec.holder]: options.fromUserId },
          after: { [spec.holder]: options.toUserId, reason: options.reason },
        });
      }
      return moved.length;
    },
  };
}
