import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { Database } from '../db/client.js';
import { latestAppliedMigration } from '../db/migrate.js';
import { hashedEntry, listFiles } from './archive-files.js';
import type { ArchiveFile } from './archive-format.js';

/** `manifest.json` of a PGlite backup. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  createdAt: string;
  schemaVersion: string;
  files: ArchiveFile[];
}

export const BACKUP_FORMAT = 'guanxi-pglite-backup';
export const BACKUP_DATA_PATH = 'pglite-data.tar.gz';
const NAME = /^guanxi-backup-(\d{8})-(\d{6})\.zip$/;

/** `<dataDir>/backups`: where scheduled and `guanxi backup` files go. */
export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');

/** `guanxi-backup-20261207-033000.zip` (UTC): sorts by time, and retention reads the time back. */
export function backupFileName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `guanxi-backup-${stamp}.zip`;
}

/**
 * A consistent backup of an embedded installation: the PGlite data directory (taken inside the
 * process that owns it, see `Database.snapshot`) and every organization's attachments, in one zip
 * with SHA-256 checksums. The data directory is held in memory while it is written: PGlite offers
 * its dump only as one blob.
 */
export async function createBackup(options: { database: Database; dataDir: string; now?: Date }): Promise<string> {
  const { database, dataDir } = options;
  if (!database.snapshot) throw new Error('backups of PostgreSQL are made with pg_dump (see README)');
  const dir = backupsDir(dataDir);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, backupFileName(options.now ?? new Date()));
  const schemaVersion = (await latestAppliedMigration(database.db)) ?? '';
  const data = Buffer.from(await (await database.snapshot()).arrayBuffer());
  const attachmentsRoot = path.join(dataDir, 'attachments');
  const attachments = await listFiles(attachmentsRoot);
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, createWriteStream(`${file}.part`));
  const files: ArchiveFile[] = [
    {
      path: BACKUP_DATA_PATH,
      kind: 'table',
      bytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    },
  ];
  // Already compressed.
  zip.addBuffer(data, BACKUP_DATA_PATH, { compress: false });
  const pending = attachments.map((relative) => {
    const entry = hashedEntry(`attachments/${relative}`, 'attachment');
    zip.addReadStreamLazy(entry.file.path, (cb) =>
      cb(null, entry.pass(createReadStream(path.join(attachmentsRoot, relative)))),
    );
    return entry.done;
  });
  files.push(...(await Promise.all(pending)));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: 1,
    createdAt: (options.now ?? new Date()).toISOString(),
    schemaVersion,
    files,
  };
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
  zip.end();
  await written;
  await rename(`${file}.part`, file);
  return file;
}

/** The backups, newest first, with the time their name records. */
export async function listBackups(dataDir: string): Promise<{ file: string; at: Date }[]> {
  const names = await readdir(backupsDir(dataDir)).catch(() => [] as string[]);
  return names
    .flatMap((name) => {
      const match = NAME.exec(name);
      if (!match) return [];
      const [d, t] = [match[1]!, match[2]!];
      const at = new Date(
        `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`,
      );
      return Number.isNaN(at.getTime()) ? [] : [{ file: path.join(backupsDir(dataDir), name), at }];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/**
 * Deletes backups older than `keepDays` days; the newest one always stays, so a server that was
 * off for a while does not lose its last backup. Files not named like a backup are left alone.
 */
export async function pruneBackups(options: { dataDir: string; keepDays: number; now?: Date }): Promise<number> {
  const cutoff = (options.now ?? new Date()).getTime() - options.keepDays * 86_400_000;
  const [, ...older] = await listBackups(options.dataDir);
  let removed = 0;
  for (const backup of older) {
    if (backup.at.getTime() >= cutoff) continue;
    await rm(backup.file, { force: true });
    removed += 1;
  }
  return removed;
}

/** Moves a directory aside (`<dir>.before-restore-<stamp>`) when it exists; answers where it went. */
export async function moveAside(dir: string, stamp: string): Promise<string | null> {
  if (!existsSync(dir)) return null;
  const aside = `${dir}.before-restore-${stamp}`;
  await rename(dir, aside);
  return aside;
}
