import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';

export const healthRepository = {
  async ping(db: Db): Promise<void> {
    await db.execute(sql`select 1`);
  },

  /** `created_at` of every applied migration (its journal time). */
  async getAppliedMigrationMillis(db: Db): Promise<number[]> {
    const rows = await queryRows<{ created_at: string | number }>(
      db,
      sql`select created_at from drizzle.__drizzle_migrations`,
    );
    return rows.map((row) => Number(row.created_at));
  },
};
