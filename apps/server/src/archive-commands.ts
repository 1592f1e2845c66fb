import { copyFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Config } from './platform/config/config.js';
import { openDatabase } from './platform/db/client.js';
import { acquireDataDirLock, DataDirLockedError } from './platform/db/data-dir-lock.js';
import { queryRows } from './platform/db/query.js';
import { exportOrganization } from './platform/archive/organization-export.js';
import { importOrganization } from './platform/archive/organization-import.js';
import { backupsDir, createBackup, pruneBackups } from './platform/archive/pglite-backup.js';
import { restoreBackup } from './platform/archive/pglite-restore.js';
import { openStore } from './server.js';

/** `guanxi export --org CODE --out FILE`: the organization's archive (see docs/import-export.md). */
export async function exportCommand(config: Config, options: { org: string; out: string }): Promise<void> {
  const { database, release } = await openStore(config);
  try {
    const found = await queryRows<{ id: string; name: string }>(
      database.db,
      sql`select id::text as id, name from organizations where lower(code) = lower(${options.org}) or id::text = ${options.org}`,
    );
    if (!found[0]) throw new Error(`No organization with the login code or id "${options.org}".`);
    const started = Date.now();
    const manifest = await exportOrganization({
      database,
      dataDir: config.dataDir,
      orgId: found[0].id,
      file: path.resolve(options.out),
      onProgress: (p) => process.stdout.write(`\r  tables ${p.tablesDone}/${p.tablesTotal}, rows ${p.rows}   `),
    });
    const rows = manifest.files.reduce((sum, f) => sum + (f.rows ?? 0), 0);
    const attachments = manifest.files.filter((f) => f.kind === 'attachment').length;
    console.log(
      `\n  ${found[0].name}: ${rows} rows in ${manifest.files.length - attachments} tables and ${attachments} attachments written to ${path.resolve(options.out)} (${Date.now() - started} ms, schema ${manifest.schemaVersion})`,
    );
  } finally {
    await database.close();
    release();
  }
}

/** `guanxi import --in FILE`: loads an archive into this (PGlite or PostgreSQL) database. */
export async function importCommand(config: Config, options: { in: string }): Promise<void> {
  const { database, release } = await openStore(config);
  try {
    const started = Date.now();
    const manifest = await importOrganization({
      database,
      dataDir: config.dataDir,
      file: path.resolve(options.in),
      onProgress: (message) => console.log(`  ${message}`),
    });
    await database.checkpoint();
    console.log(
      `  organization ${manifest.organization.name} imported into ${database.kind} (${Date.now() - started} ms); its people sign in as <name>@${manifest.organization.code} with their old passwords`,
    );
  } finally {
    await database.close();
    release();
  }
}

/**
 * `guanxi backup [--out FILE]`. PGlite: made here when no server holds the data directory;
 * otherwise the running server is asked (SIGUSR2) and makes it itself, since only the process that
 * owns the directory can take a consistent copy. PostgreSQL: pg_dump's job.
 */
export async function backupCommand(config: Config, options: { out?: string | undefined }): Promise<void> {
  if (config.databaseUrl) {
    throw new Error(
      'guanxi backup backs up the embedded (PGlite) database. With DATABASE_URL, use PostgreSQL\'s own tools, e.g.\n  pg_dump --format=custom --file=guanxi.dump "$DATABASE_URL"\nand back up <data dir>/attachments with it (see README, "Backup and restore").',
    );
  }
  let file: string;
  try {
    const release = acquireDataDirLock(path.join(config.dataDir, 'pglite'));
    try {
      const database = await openDatabase({ pgliteDir: path.join(config.dataDir, 'pglite') });
      try {
        file = await createBackup({ database, dataDir: config.dataDir });
        await pruneBackups({ dataDir: config.dataDir, keepDays: config.backupKeepDays });
      } finally {
        await database.close();
      }
    } finally {
      release();
    }
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    file = await askRunningServer(config, error.pid);
  }
  if (options.out) await copyFile(file, path.resolve(options.out));
  console.log(`  backup written to ${options.out ? path.resolve(options.out) : file}`);
}

async function askRunningServer(config: Config, pid: number): Promise<string> {
  const dir = backupsDir(config.dataDir);
  const before = new Set(await readdir(dir).catch(() => [] as string[]));
  console.log(`  The server (pid ${pid}) owns the data directory; asking it to make the backup…`);
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    await sleep(500);
    const made = (await readdir(dir).catch(() => [] as string[])).find((n) => n.endsWith('.zip') && !before.has(n));
    if (made) return path.join(dir, made);
  }
  throw new Error('The server made no backup within 10 minutes; see its log and the backup job on the jobs page.');
}

/** `guanxi restore --in FILE`: replaces the embedded database and attachments of a stopped instance. */
export async function restoreCommand(config: Config, options: { in: string }): Promise<void> {
  if (config.databaseUrl) {
    throw new Error('guanxi restore restores PGlite backups. For PostgreSQL use pg_restore (see README).');
  }
  // Throws DataDirLockedError (a clear message naming the pid) while a server runs.
  const release = acquireDataDirLock(path.join(config.dataDir, 'pglite'));
  try {
    const result = await restoreBackup({ dataDir: config.dataDir, file: path.resolve(options.in) });
    console.log(`  restored ${result.organizations} organization(s) from ${path.resolve(options.in)}`);
    if (result.replaced.database) console.log(`  the replaced database was kept in ${result.replaced.database}`);
    if (result.replaced.attachments)
      console.log(`  the replaced attachments were kept in ${result.replaced.attachments}`);
  } finally {
    release();
  }
}
