import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, REPO_ROOT } from '../../platform/config/config.js';
import { openDatabase, type Database } from '../../platform/db/client.js';
import { migrateDatabase } from '../../platform/db/migrate.js';
import { queryRows } from '../../platform/db/query.js';
import { backupFileName, listBackups, pruneBackups } from '../../platform/archive/pglite-backup.js';
import { restoreBackup } from '../../platform/archive/pglite-restore.js';
import { seedDemoOrganization } from '../../test/demo-organization.js';
import { PGLITE_TEMPLATE_ENV } from '../../test/test-database.js';
import { backupJob } from './backup.job.js';

let dataDir: string;
let orgId: string;
const pgliteDir = () => path.join(dataDir, 'pglite');
const attachment = () => path.join(dataDir, 'attachments', orgId, 'contract.pdf');

/** What a restore must bring back: the live and soft-deleted customers and the audit log, row by row. */
async function fingerprint(database: Database): Promise<string> {
  const rows = await queryRows<{ md5: string; n: number }>(
    database.db,
    sql`select md5(string_agg(t::text, '|' order by t.id)) as md5, count(*)::int as n
          from (select id, name, owner_id, deleted_at, version from customers
                union all select id, action, actor_id, null, null from audit_log) t`,
  );
  return `${rows[0]!.n}:${rows[0]!.md5}`;
}

/** `guanxi <args>` as the operator runs it. */
function cli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, GUANXI_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'guanxi-backup-'));
}, 60_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('PGlite backup and restore', () => {
  it(
    'a backup taken by the daily job restores the same data and files, keeping the replaced ones aside',
    { timeout: 120_000 },
    async () => {
      const template = process.env[PGLITE_TEMPLATE_ENV];
      const database = await openDatabase({
        pgliteDir: pgliteDir(),
        ...(template ? { pgliteTemplate: new Blob([readFileSync(template)]) } : {}),
      });
      await migrateDatabase(database);
      ({ orgId } = await seedDemoOrganization(database.db));
      mkdirSync(path.dirname(attachment()), { recursive: true });
      writeFileSync(attachment(), '%PDF-1.4 signed contract');
      const before = await fingerprint(database);
      const config = loadConfig({}, { dataDir });
      const summary = await backupJob.run({
        db: database.db,
        orgId: null,
        now: new Date(),
        installation: { database, config },
      });
      expect(summary).toEqual({ backups: 1, removed: 0 });
      const [backup] = await listBackups(dataDir);

      // Work goes on after the backup: a customer deleted for good, the file removed.
      await database.db.execute(
        sql`update customers set deleted_at = now(), version = version + 1 where org_id = ${orgId}`,
      );
      rmSync(attachment());
      expect(await fingerprint(database)).not.toBe(before);
      await database.close();

      const result = await restoreBackup({ dataDir, file: backup!.file });
      expect(result.organizations).toBe(1);
      expect(existsSync(result.replaced.database!)).toBe(true);
      const restored = await openDatabase({ pgliteDir: pgliteDir() });
      try {
        expect(await fingerprint(restored)).toBe(before);
      } finally {
        await restored.close();
      }
      expect(readFileSync(attachment(), 'utf8')).toBe('%PDF-1.4 signed contract');
    },
  );

  it('retention deletes backups older than the kept days, never the newest nor other files', async () => {
    const dir = path.join(dataDir, 'backups');
    const now = new Date('2026-12-20T03:30:00Z');
    const day = (n: number) => new Date(now.getTime() - n * 86_400_000);
    for (const n of [0, 3, 6, 8, 30]) writeFileSync(path.join(dir, backupFileName(day(n))), 'x');
    writeFileSync(path.join(dir, 'notes.txt'), 'kept');
    const removed = await pruneBackups({ dataDir, keepDays: 7, now });
    expect(removed).toBeGreaterThanOrEqual(2);
    const left = readdirSync(dir);
    expect(left).toEqual(
      expect.arrayContaining([backupFileName(day(0)), backupFileName(day(3)), backupFileName(day(6)), 'notes.txt']),
    );
    expect(left).not.toContain(backupFileName(day(8)));
    expect(left).not.toContain(backupFileName(day(30)));
    // Long after the last backup, the newest one still stays.
    await pruneBackups({ dataDir, keepDays: 7, now: day(-100) });
    expect(readdirSync(dir).filter((n) => n.endsWith('.zip'))).toEqual([backupFileName(day(0))]);
  });

  it('restore refuses while a server holds the data directory, and changes nothing', { timeout: 120_000 }, async () => {
    const [backup] = await listBackups(dataDir);
    // This test process stands in for the running server: a live pid in the lock file.
    writeFileSync(`${pgliteDir()}.lock`, String(process.pid));
    const entries = readdirSync(dataDir).sort();
    try {
      const run = await cli(['restore', '--in', backup!.file]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`is in use by another Guanxi process (pid ${process.pid})`);
      expect(readdirSync(dataDir).sort()).toEqual(entries);
    } finally {
      rmSync(`${pgliteDir()}.lock`, { force: true });
    }
  });
});
