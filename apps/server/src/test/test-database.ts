import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../platform/db/client.js';
import { migrateDatabase } from '../platform/db/migrate.js';

export type TestEngine = 'pglite' | 'postgres';

export const testEngine = (): TestEngine => (process.env.GUANXI_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite');

/** Where the run's migrated template is (database-template.ts): a dumped PGlite directory, a database name. */
export const PGLITE_TEMPLATE_ENV = 'GUANXI_TEST_PGLITE_TEMPLATE';
export const POSTGRES_TEMPLATE_ENV = 'GUANXI_TEST_POSTGRES_TEMPLATE';

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One statement on the server's maintenance connection (create or drop a database). */
export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (dropped again by `drop`). Under vitest both start as
 * a copy of the run's migrated template; without one (a script, a single file run another way)
 * the migrations run here.
 */
export async function createTestDatabase(): Promise<{
  database: Database;
  url: string | null;
  drop: () => Promise<void>;
}> {
  if (testEngine() === 'pglite') {
    const template = process.env[PGLITE_TEMPLATE_ENV];
    const database = await openDatabase({
      pgliteDir: 'memory://',
      ...(template ? { pgliteTemplate: new Blob([readFileSync(template)]) } : {}),
    });
    if (!template) await migrateDatabase(database);
    return { database, url: null, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('GUANXI_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  const name = `guanxi_test_${randomBytes(6).toString('hex')}`;
  const template = process.env[POSTGRES_TEMPLATE_ENV];
  await adminQuery(adminUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
  const url = databaseUrl(adminUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  if (!template) await migrateDatabase(database);
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
