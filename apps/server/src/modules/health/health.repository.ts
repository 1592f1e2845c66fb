import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';

export const healthRepository = {
  async ping(db: Db): Promise<void> {
    await db.execute(sql`select 1`);
  },

  /** `created_at` of the newest applied migration (drizzle's journal time), 0 when none is. */
  async getLatestAppliedMigrationMillis(db: Db): Promise<number> {
    const rows = await queryRows<{ latest: string | number | null }>(
      db,
      sql`select max(created_at) as latest from drizzle.__drizzle_migrations`,
    );
    return Number(rows[0]?.latest ?? 0);
  },
};
