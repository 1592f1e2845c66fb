import type { DictionaryKind } from '@guanxi/contract';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { dictionaryEntries } from '../../platform/db/schema/index.js';
import { firstRow } from '../../platform/db/row-reads.js';

export type DictionaryEntryRow = typeof dictionaryEntries.$inferSelect;
type EntryKey = { orgId: string; kind: DictionaryKind; code: string };

const byEntry = ({ orgId, kind, code }: EntryKey) =>
  and(eq(dictionaryEntries.orgId, orgId), eq(dictionaryEntries.kind, kind), eq(dictionaryEntries.code, code));

/** Dictionaries are organization settings: everyone of the organization reads them. */
export const dictionariesRepository = {
  /** Every entry of the organization (or of one kind), by kind, sort order and code. */
  async findAll(db: Executor, orgId: string, kind?: DictionaryKind): Promise<DictionaryEntryRow[]> {
    return db
      .select()
      .from(dictionaryEntries)
      .where(and(eq(dictionaryEntries.orgId, orgId), kind ? eq(dictionaryEntries.kind, kind) : undefined))
      .orderBy(asc(dictionaryEntries.kind), asc(dictionaryEntries.sortOrder), asc(dictionaryEntries.code));
  },

  /** The active codes among `codes` of one kind. */
  async findActiveCodes(
    db: Executor,
    key: { orgId: string; kind: DictionaryKind; codes: string[] },
  ): Promise<string[]> {
    if (key.codes.length === 0) return [];
    const rows = await db
      .select({ code: dictionaryEntries.code })
      .from(dictionaryEntries)
      .where(
        and(
          eq(dictionaryEntries.orgId, key.orgId),
          eq(dictionaryEntries.kind, key.kind),
          inArray(dictionaryEntries.code, key.codes),
          eq(dictionaryEntries.active, true),
        ),
      );
    return rows.map((row) => row.code);
  },

  async lock(db: Executor, key: EntryKey): Promise<DictionaryEntryRow | null> {
    return firstRow(db.select().from(dictionaryEntries).where(byEntry(key)).for('update'));
  },

  /** Inserts unless the code is taken; true when inserted. */
  async insert(db: Executor, row: typeof dictionaryEntries.$inferInsert): Promise<boolean> {
    const inserted = await db
      .insert(dictionaryEntries)
      .values(row)
      .onConflictDoNothing()
      .returning({ code: dictionaryEntries.code });
    return inserted.length > 0;
  },

  /** Version-checked change of one entry; false when the version moved on. */
  async update(
    db: Executor,
    key: EntryKey & { version: number },
    values: Partial<Pick<DictionaryEntryRow, 'nameZh' | 'nameEn' | 'sortOrder' | 'active'>>,
  ): Promise<boolean> {
    const updated = await db
      .update(dictionaryEntries)
      .set({ ...values, version: sql`${dictionaryEntries.version} + 1`, updatedAt: new Date() })
      .where(and(byEntry(key), eq(dictionaryEntries.version, key.version)))
      .returning({ code: dictionaryEntries.code });
    return updated.length > 0;
  },

  /** Sets one entry's position without touching its version (a reorder moves many at once). */
  async setSortOrder(db: Executor, key: EntryKey & { sortOrder: number }): Promise<void> {
    await db.update(dictionaryEntries).set({ sortOrder: key.sortOrder, updatedAt: new Date() }).where(byEntry(key));
  },

  /** Locks a kind's entries (a reorder or an add serializes on them). */
  async lockKind(db: Executor, orgId: string, kind: DictionaryKind): Promise<DictionaryEntryRow[]> {
    return db
      .select()
      .from(dictionaryEntries)
      .where(and(eq(dictionaryEntries.orgId, orgId), eq(dictionaryEntries.kind, kind)))
      .orderBy(asc(dictionaryEntries.sortOrder), asc(dictionaryEntries.code))
      .for('update');
  },
};
