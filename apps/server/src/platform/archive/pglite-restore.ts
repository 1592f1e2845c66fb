import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import yauzl from 'yauzl';
import { openDatabase } from '../db/client.js';
import { queryRows } from '../db/query.js';
import { ArchiveError } from './archive-reader.js';
import { BACKUP_DATA_PATH, BACKUP_FORMAT, moveAside, type BackupManifest } from './pglite-backup.js';

export interface RestoreResult {
  organizations: number;
  /** Where the replaced data directory and attachments were kept (null when there were none). */
  replaced: { database: string | null; attachments: string | null };
}

/**
 * Replaces the embedded database and the attachments with a backup. The caller holds the data
 * directory's lock (no server may run). The replaced directories are kept beside the new ones
 * (`pglite.before-restore-<time>`, `attachments.before-restore-<time>`); when the backup cannot be
 * opened they are put back.
 */
export async function restoreBackup(options: { dataDir: string; file: string; now?: Date }): Promise<RestoreResult> {
  const { dataDir } = options;
  const backup = await readBackup(options.file);
  try {
    return await replaceWith(dataDir, backup, options.now ?? new Date());
  } finally {
    backup.close();
  }
}

async function replaceWith(
  dataDir: string,
  { data, attachments }: Awaited<ReturnType<typeof readBackup>>,
  now: Date,
): Promise<RestoreResult> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const pgliteDir = path.join(dataDir, 'pglite');
  const attachmentsDir = path.join(dataDir, 'attachments');
  const replaced = { database: await moveAside(pgliteDir, stamp), attachments: await moveAside(attachmentsDir, stamp) };
  try {
    const database = await openDatabase({ pgliteDir, pgliteTemplate: new Blob([data]) });
    let organizations = 0;
    try {
      const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from organizations`);
      organizations = rows[0]?.n ?? 0;
      await database.checkpoint();
    } finally {
      await database.close();
    }
    for (const { path: entryPath, open } of attachments) {
      const target = path.join(attachmentsDir, ...entryPath.slice('attachments/'.length).split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await pipeline(await open(), createWriteStream(target));
    }
    return { organizations, replaced };
  } catch (error) {
    await rm(pgliteDir, { recursive: true, force: true });
    await rm(attachmentsDir, { recursive: true, force: true });
    if (replaced.database) await rename(replaced.database, pgliteDir);
    if (replaced.attachments) await rename(replaced.attachments, attachmentsDir);
    throw error;
  }
}

/** Opens a backup and checks every file against its manifest before anything is replaced. */
async function readBackup(file: string) {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false }).catch((error: unknown) => {
    throw new ArchiveError('unreadable', `${file} is not a readable backup (${(error as Error).message}).`);
  });
  try {
    return await checkBackup(file, zip);
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function checkBackup(file: string, zip: yauzl.ZipFile) {
  const entries = new Map<string, yauzl.Entry>();
  for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
  const read = async (name: string) => {
    const entry = entries.get(name);
    if (!entry) throw new ArchiveError('unreadable', `${file} is not a Guanxi backup (no ${name}).`);
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const manifest = JSON.parse((await read('manifest.json')).toString('utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT || !Array.isArray(manifest.files)) {
    throw new ArchiveError('unreadable', `${file} is not a Guanxi backup (its manifest is of another kind).`);
  }
  for (const listed of manifest.files) {
    const entry = entries.get(listed.path);
    const relative = listed.path.slice('attachments/'.length).split('/');
    const unsafe =
      listed.path !== BACKUP_DATA_PATH &&
      (!listed.path.startsWith('attachments/') || relative.some((p) => !p || p === '..' || p === '.'));
    if (!entry || unsafe)
      throw new ArchiveError('unexpected-content', `${file}: ${listed.path} is missing or not allowed.`);
    const hash = createHash('sha256');
    for await (const chunk of await zip.openReadStreamPromise(entry)) hash.update(chunk as Buffer);
    if (hash.digest('hex') !== listed.sha256) {
      throw new ArchiveError(
        'checksum',
        `${listed.path} in ${file} does not match its checksum: the backup is damaged.`,
      );
    }
  }
  const data = await read(BACKUP_DATA_PATH);
  const attachments = manifest.files
    .filter((f) => f.path !== BACKUP_DATA_PATH)
    .map((f) => ({ path: f.path, open: () => zip.openReadStreamPromise(entries.get(f.path)!) }));
  return { manifest, data, attachments, close: () => zip.close() };
}
