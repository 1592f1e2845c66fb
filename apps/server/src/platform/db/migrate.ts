import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database, Executor } from './client.js';
import { queryRows } from './query.js';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../migrations');

/**
 * Applies every committed SQL migration the database has not applied yet; the same files run on both
 * engines. Drizzle's own migrator applies only migrations newer than the newest applied one, so a
 * migration from a branch merged after another branch's newer one would be skipped for good on every
 * database that already ran the newer one. Here a migration counts as applied when its journal time
 * (`created_at`, the key drizzle stores; the table has no name column) is recorded, whatever its
 * order: every missing one runs, in journal order. Not the hash: a checkout that changed a file's
 * line endings would run an applied migration again.
 */
export async function migrateDatabase(database: Database, migrationsFolder: string = MIGRATIONS_DIR): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const db = database.db;
  // Drizzle's table, unchanged: databases migrated before keep their history.
  await db.execute(sql`create schema if not exists drizzle`);
  await db.execute(
    sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
  );
  await db.transaction(async (tx) => {
    // Two servers starting on one database at once: the second waits, then finds nothing to do.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('guanxi:migrations'))`);
    const rows = await queryRows<{ created_at: string | number }>(
      tx,
      sql`select created_at from drizzle.__drizzle_migrations`,
    );
    const applied = new Set(rows.map((row) => Number(row.created_at)));
    for (const migration of migrations) {
      if (applied.has(migration.folderMillis)) continue;
      // The committed migration files themselves: SQL from the repository, not from input.
      for (const statement of migration.sql) await tx.execute(statement);
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
    }
  });
}

let shipped: number[] | null = null;
/**
 * The journal times of the migrations this release ships; each is recorded as `created_at` when its
 * migration is applied, so a database is current when every one of them is recorded.
 */
export function shippedMigrationMillis(): readonly number[] {
  if (shipped === null) {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    shipped = journal.entries.map((entry) => entry.when);
  }
  return shipped;
}

/** The journal time of the newest migration this release ships. */
export const latestMigrationMillis = (): number => Math.max(0, ...shippedMigrationMillis());

/**
 * The schema version of a database: the name of the newest migration it has applied (by journal
 * time, e.g. `20261206215409_phone_digits_dropped`), or null before the first one.
 */
export async function latestAppliedMigration(executor: Executor): Promise<string | null> {
  const rows = await queryRows<{ created_at: string | number }>(
    executor,
    sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  if (rows.length === 0) return null;
  const when = Number(rows[0]!.created_at);
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  return journal.entries.find((entry) => entry.when === when)?.tag ?? String(when);
}
