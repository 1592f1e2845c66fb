import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { listPreferences } from '../../platform/db/schema/index.js';
import { newId } from '../../platform/db/ids.js';
import { firstRow } from '../../platform/db/row-reads.js';

interface PreferenceKey {
  orgId: string;
  userId: string;
  list: string;
}

const byKey = (key: PreferenceKey) =>
  and(eq(listPreferences.orgId, key.orgId), eq(listPreferences.userId, key.userId), eq(listPreferences.list, key.list));

/** SQL for a user's own list settings: every query names the user, so nobody reads or writes another's. */
export const listPreferencesRepository = {
  async getColumns(db: Executor, key: PreferenceKey): Promise<string[] | null> {
    const row = await firstRow(db.select({ columns: listPreferences.columns }).from(listPreferences).where(byKey(key)));
    return row?.columns ?? null;
  },

  async upsertColumns(db: Executor, key: PreferenceKey, columns: string[]): Promise<void> {
    await db
      .insert(listPreferences)
      .values({ ...key, id: newId(), columns })
      .onConflictDoUpdate({
        target: [listPreferences.orgId, listPreferences.userId, listPreferences.list],
        set: { columns, updatedAt: sql`now()` },
      });
  },

  async delete(db: Executor, key: PreferenceKey): Promise<void> {
    await db.delete(listPreferences).where(byKey(key));
  },
};
