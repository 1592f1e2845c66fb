import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../platform/db/client.js';
import { migrateDatabase } from '../platform/db/migrate.js';
import { adminQuery, databaseUrl, PGLITE_TEMPLATE_ENV, POSTGRES_TEMPLATE_ENV } from './test-database.js';

/**
 * Vitest global setup: migrates one template database per run, which every test file copies into a
 * database of its own (test-database.ts). Running all migrations for each of ~100 files cost about a
 * second a file on PGlite (plus creating an empty cluster) and on PostgreSQL; copying costs a fraction.
 * The migrations still run on both engines every run — here, once.
 *
 * PGlite: the migrated data directory, dumped to a file. PostgreSQL: a database that files name in
 * `create database … template …`. Both are removed when the run ends; the workers find them through
 * environment variables, set here before any worker starts.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  return project.config.env?.GUANXI_TEST_ENGINE === 'postgres' ? postgresTemplate() : pgliteTemplate();
}

async function pgliteTemplate(): Promise<() => Promise<void>> {
  // The pglite and browser projects of one run share the template the first of them made.
  if (process.env[PGLITE_TEMPLATE_ENV]) return async () => undefined;
  const database = await openDatabase({ pgliteDir: 'memory://' });
  await migrateDatabase(database);
  // Drizzle keeps the driver's client as `$client`; uncompressed, because files load it faster so.
  const dump = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
  await database.close();
  const dir = mkdtempSync(path.join(tmpdir(), 'guanxi-template-'));
  const file = path.join(dir, 'pglite.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env[PGLITE_TEMPLATE_ENV] = file;
  return async () => {
    delete process.env[PGLITE_TEMPLATE_ENV];
    rmSync(dir, { recursive: true, force: true });
  };
}

async function postgresTemplate(): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('GUANXI_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  const name = `guanxi_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const drop = () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  const database = await openDatabase({ databaseUrl: databaseUrl(adminUrl, name), poolSize: 1 });
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    await drop();
    throw error;
  }
  // A template must have no open connection when files copy it.
  await database.close();
  process.env[POSTGRES_TEMPLATE_ENV] = name;
  return async () => {
    delete process.env[POSTGRES_TEMPLATE_ENV];
    await drop();
  };
}
