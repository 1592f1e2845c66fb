import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './platform/config/config.js';
import { openDatabase, type Database } from './platform/db/client.js';
import { migrateDatabase } from './platform/db/migrate.js';
import { createTestDatabase, testEngine } from './test/test-database.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `guanxi <args>` as a real process, as an operator would run it. */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const PASSWORD = 'Lantern-Orchard-58';
const createAdmin = (env: Record<string, string>) =>
  cli(
    [
      'create-admin',
      '--org',
      '命令行测试有限公司',
      '--code',
      'cli-test',
      '--username',
      'cliadmin',
      '--password',
      PASSWORD,
    ],
    env,
  );

/** The store the CLI will use: a PGlite data directory, or a fresh PostgreSQL database. */
let env: Record<string, string>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  let database: Database;
  if (testEngine() === 'pglite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'guanxi-cli-'));
    database = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
    await migrateDatabase(database);
    env = { GUANXI_DATA_DIR: dataDir, DATABASE_URL: '' };
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  } else {
    const created = await createTestDatabase();
    database = created.database;
    env = { DATABASE_URL: created.url! };
    cleanup = created.drop;
  }
  // A failure inside the statement that carries the password hash, the one the CLI used to print whole.
  await database.db.execute(sql`create function refuse_users() returns trigger language plpgsql as $$
    begin raise exception 'new users are refused in this test'; end $$`);
  await database.db.execute(
    sql`create trigger refuse_users before insert on users for each row execute function refuse_users()`,
  );
  if (testEngine() === 'pglite') {
    await database.checkpoint();
    await database.close();
  }
}, 120_000);
afterAll(() => cleanup());

describe('create-admin on failure (issue 10, defect 13)', () => {
  it(
    'a database error while creating the administrator prints one line with the reason, never the SQL or the password hash, and exits non-zero',
    { timeout: 120_000 },
    async () => {
      const run = await createAdmin(env);
      expect(run.code).not.toBe(0);
      expect(run.stderr.trim()).toBe('new users are refused in this test (P0001)');
      const output = run.stdout + run.stderr;
      expect(output).not.toMatch(/insert into|Failed query|params:|\$argon2/i);
      expect(output).not.toContain(PASSWORD);
    },
  );

  it('an unreachable database prints one line saying so and exits non-zero', { timeout: 120_000 }, async () => {
    const run = await createAdmin({ DATABASE_URL: 'postgres://guanxi:secret-in-url@127.0.0.1:1/guanxi' });
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim()).toBe('The database is not reachable: connect ECONNREFUSED 127.0.0.1:1');
    expect(run.stdout + run.stderr).not.toContain('secret-in-url');
  });
});
