import { readFileSync } from 'node:fs';
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './client.js';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../migrations');

/** Applies the committed SQL migrations; the same files run on both engines. */
export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  // The handle was widened to the common pg-core type in client.ts; each migrator wants its own.
  if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, config);
  else await migratePostgres(database.db as unknown as NodePgDatabase, config);
}

let latest: number | null = null;
/**
 * The journal time of the newest migration this release ships; drizzle records it as `created_at`
 * of the applied migration, so a database is current when its newest row has at least this value.
 */
export function latestMigrationMillis(): number {
  if (latest === null) {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    latest = Math.max(0, ...journal.entries.map((entry) => entry.when));
  }
  return latest;
}
