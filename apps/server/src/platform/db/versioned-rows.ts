import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

/** A table of edited records: keyed by organization and id, with an optimistic-lock version. */
export type VersionedTable = PgTable & { orgId: PgColumn; id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** The record an edit is for, and the version the editor last read. */
export interface VersionKey {
  orgId: string;
  id: string;
  version: number;
}

/**
 * Applies changes when the version still matches (stamping `updated_at` and counting the version
 * up); false when someone else changed the record first. `where` narrows further (a live row).
 *
 * @example await updateVersioned(db, contacts, key, { name })
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Executor,
  table: T,
  key: VersionKey,
  changes: Partial<T['$inferInsert']>,
  where?: SQL,
): Promise<boolean> {
  const values = { ...changes, updatedAt: sql`now()`, version: sql`${table.version} + 1` } as PgUpdateSetSource<T>;
  const rows = await db
    .update(table)
    .set(values)
    .where(and(eq(table.orgId, key.orgId), eq(table.id, key.id), eq(table.version, key.version), where))
    .returning({ id: table.id });
  return rows.length > 0;
}

/**
 * A repository's `insert` and version-checked `update` of one table, so each repository states
 * only that its records are written this way.
 *
 * @example export const contactsRepository = { ...versionedWrites(contacts), async getById() {…} }
 */
export function versionedWrites<T extends VersionedTable>(table: T) {
  return {
    async insert(db: Executor, values: T['$inferInsert']): Promise<void> {
      await db.insert(table).values(values as PgInsertValue<T>);
    },

    /** Applies changes when the version still matches; false when someone else changed it first. */
    update(db: Executor, key: VersionKey, changes: Partial<T['$inferInsert']>): Promise<boolean> {
      return updateVersioned(db, table, key, changes);
    },
  };
}
