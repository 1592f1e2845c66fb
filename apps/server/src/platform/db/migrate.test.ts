import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminQuery, databaseUrl, testEngine } from '../../test/test-database.js';
import { openDatabase, type Database } from './client.js';
import { MIGRATIONS_DIR, migrateDatabase } from './migrate.js';
import { queryRows } from './query.js';

interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

/** An empty database of the run's engine, with no migration applied (not the run's template). */
async function emptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (testEngine() === 'pglite') {
    const database = await openDatabase({ pgliteDir: 'memory://' });
    return { database, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `guanxi_migrate_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const database = await openDatabase({ databaseUrl: databaseUrl(adminUrl, name), poolSize: 1 });
  return {
    database,
    drop: async () => {
      await database.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** A migrations folder as drizzle-kit writes it: one SQL file per entry, the journal listing them. */
function writeMigrations(folder: string, migrations: { when: number; tag: string; sql: string }[]): void {
  mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const entries: JournalEntry[] = migrations.map((migration, idx) => ({
    idx,
    version: '7',
    when: migration.when,
    tag: migration.tag,
    breakpoints: true,
  }));
  for (const migration of migrations) writeFileSync(path.join(folder, `${migration.tag}.sql`), migration.sql);
  writeFileSync(
    path.join(folder, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'postgresql', entries }),
  );
}

const tables = async (database: Database) =>
  (
    await queryRows<{ name: string }>(
      database.db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
    )
  ).map((row) => row.name);
const appliedTimes = async (database: Database) =>
  (
    await queryRows<{ created_at: string | number }>(
      database.db,
      sql`select created_at from drizzle.__drizzle_migrations order by id`,
    )
  ).map((row) => Number(row.created_at));

// Three migrations as two branches leave them: `main` ran first and third on a database; the second
// comes from a branch merged later and is older than the newest one already applied.
const first = { when: 1_000, tag: '20260101000000_first', sql: 'create table first_table (id int);' };
const older = {
  when: 2_000,
  tag: '20260102000000_from_other_branch',
  sql: 'create table branch_table (id int);\n--> statement-breakpoint\ninsert into branch_table values (1);',
};
const newest = { when: 3_000, tag: '20260103000000_newest', sql: 'create table newest_table (id int);' };

describe('applying migrations', () => {
  let folder: string;
  let database: Database;
  let drop: () => Promise<void>;
  // One empty database for the file (a new PGlite costs seconds here), emptied again after each test.
  beforeAll(async () => {
    ({ database, drop } = await emptyDatabase());
  });
  afterAll(() => drop());
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'guanxi-migrations-'));
  });
  afterEach(async () => {
    rmSync(folder, { recursive: true, force: true });
    await database.db.execute(sql`drop schema if exists drizzle cascade`);
    await database.db.execute(sql`drop schema public cascade`);
    await database.db.execute(sql`create schema public`);
  });

  it('applies a merged migration older than the newest applied one, once, and leaves applied ones alone', async () => {
    writeMigrations(folder, [first, newest]);
    await migrateDatabase(database, folder);
    expect(await tables(database)).toEqual(['first_table', 'newest_table']);

    writeMigrations(folder, [first, older, newest]);
    await migrateDatabase(database, folder);
    expect(await tables(database)).toEqual(['branch_table', 'first_table', 'newest_table']);
    expect(await queryRows(database.db, sql`select id from branch_table`)).toEqual([{ id: 1 }]);
    expect(await appliedTimes(database)).toEqual([1_000, 3_000, 2_000]);

    // Nothing left to do: a second run changes nothing (and does not fail on existing tables).
    await migrateDatabase(database, folder);
    expect(await appliedTimes(database)).toEqual([1_000, 3_000, 2_000]);
  });

  it('applies a fresh history in journal order and records each migration as drizzle does', async () => {
    writeMigrations(folder, [first, older, newest]);
    await migrateDatabase(database, folder);
    expect(await tables(database)).toEqual(['branch_table', 'first_table', 'newest_table']);
    expect(await appliedTimes(database)).toEqual([1_000, 2_000, 3_000]);
  });

  it('keeps the history of a database migrated before: applied journal times are not run again', async () => {
    writeMigrations(folder, [first, newest]);
    await migrateDatabase(database, folder);
    // The same files with other line endings (another checkout) hash differently; still applied.
    writeMigrations(folder, [{ ...first, sql: first.sql + '\r\n' }, newest]);
    await migrateDatabase(database, folder);
    expect(await appliedTimes(database)).toEqual([1_000, 3_000]);
  });

  it('rolls back every migration of a run when one fails', async () => {
    writeMigrations(folder, [first, { ...newest, sql: 'create table broken (' }]);
    await expect(migrateDatabase(database, folder)).rejects.toThrow();
    expect(await tables(database)).toEqual([]);
    expect(await appliedTimes(database)).toEqual([]);
  });
});

describe('the committed migrations', () => {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };

  it('are listed in the journal in the order of their times, each time and name prefix unique', () => {
    const times = journal.entries.map((entry) => entry.when);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
    const prefixes = journal.entries.map((entry) => entry.tag.split('_')[0]!);
    expect(prefixes).toEqual([...prefixes].sort());
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(journal.entries.map((entry) => entry.idx)).toEqual(journal.entries.map((_, index) => index));
  });

  it('are each one SQL file the journal names, and every SQL file is in the journal', () => {
    const files = readdirSync(MIGRATIONS_DIR).filter((file) => file.endsWith('.sql'));
    expect(files.sort()).toEqual(journal.entries.map((entry) => `${entry.tag}.sql`).sort());
    for (const entry of journal.entries) {
      expect(existsSync(path.join(MIGRATIONS_DIR, 'meta', `${entry.tag.split('_')[0]}_snapshot.json`))).toBe(true);
    }
  });
});
