import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import yazl from 'yazl';
import type { Database, Executor } from '../db/client.js';
import { latestAppliedMigration } from '../db/migrate.js';
import { queryRows } from '../db/query.js';
import { hashedEntry, listFiles } from './archive-files.js';
import { findArchiveTables, type ArchiveTable } from './archive-tables.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_README,
  ATTACHMENTS_PREFIX,
  MANIFEST_PATH,
  README_PATH,
  tablePath,
  type ArchiveFile,
  type ArchiveManifest,
} from './archive-format.js';
import { readTablePage, useArchiveSession, type PagePosition } from './table-pages.js';

export interface ExportProgress {
  tablesDone: number;
  tablesTotal: number;
  rows: number;
}

export interface ExportOptions {
  database: Database;
  /** The data directory whose `attachments/<org>/` holds the organization's files. */
  dataDir: string;
  orgId: string;
  /** The archive to write (written as `<file>.part`, renamed when complete). */
  file: string;
  onProgress?: (progress: ExportProgress) => void;
}

/**
 * Writes every row of the organization, table by table, and its attachments into a zip with a
 * manifest. Tables are read page by page (keyset on the primary key) and streamed into the zip, so
 * no table is ever held in memory. On PostgreSQL one repeatable-read transaction gives every table
 * the same snapshot; on PGlite each page is its own short transaction (a long one would stop every
 * other request), so an export taken while people work is not a single point in time.
 */
export async function exportOrganization(options: ExportOptions): Promise<ArchiveManifest> {
  const { database } = options;
  if (database.kind === 'postgres') {
    return database.db.transaction(
      async (tx) => {
        await useArchiveSession(tx);
        return writeArchive(options, (read) => read(tx));
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  }
  return writeArchive(options, (read) =>
    database.db.transaction(async (tx) => {
      await useArchiveSession(tx);
      return read(tx);
    }),
  );
}

type Reader = <T>(read: (tx: Executor) => Promise<T>) => Promise<T>;

async function writeArchive(options: ExportOptions, reader: Reader): Promise<ArchiveManifest> {
  const { orgId, file } = options;
  const organization = await reader((tx) =>
    queryRows<{ id: string; code: string; name: string }>(
      tx,
      sql`select id, code, name from organizations where id = ${orgId}`,
    ),
  );
  if (!organization[0]) throw new Error(`no organization with id ${orgId}`);
  const schemaVersion = (await reader((tx) => latestAppliedMigration(tx))) ?? '';
  const tables = await reader((tx) => findArchiveTables(tx));
  const attachments = await listFiles(path.join(options.dataDir, 'attachments', orgId));

  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.part`;
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, createWriteStream(partial));
  zip.addBuffer(Buffer.from(ARCHIVE_README), README_PATH);
  const files: Promise<ArchiveFile>[] = [];
  const progress: ExportProgress = { tablesDone: 0, tablesTotal: tables.length, rows: 0 };
  for (const table of tables) {
    const entry = hashedEntry(tablePath(table.name), 'table');
    entry.file.table = table.name;
    zip.addReadStreamLazy(entry.file.path, (cb) =>
      cb(
        null,
        entry.pass(Readable.from(tablePages(table, orgId, reader, entry.file, progress), { objectMode: false }), () => {
          progress.tablesDone += 1;
          options.onProgress?.({ ...progress });
        }),
      ),
    );
    files.push(entry.done);
  }
  for (const relative of attachments) {
    const entry = hashedEntry(`${ATTACHMENTS_PREFIX}${orgId}/${relative}`, 'attachment');
    zip.addReadStreamLazy(entry.file.path, (cb) =>
      cb(null, entry.pass(createReadStream(path.join(options.dataDir, 'attachments', orgId, relative)))),
    );
    files.push(entry.done);
  }
  try {
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: 1,
      schemaVersion,
      organization: organization[0],
      exportedAt: new Date().toISOString(),
      engine: options.database.kind,
      files: await Promise.all(files),
    };
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST_PATH);
    zip.end();
    await written;
    await rename(partial, file);
    return manifest;
  } catch (error) {
    written.catch(() => undefined);
    zip.outputStream.unpipe();
    await rm(partial, { force: true });
    throw error;
  }
}

/** The table's rows as NDJSON bytes, one page at a time, counted into the file's entry. */
async function* tablePages(
  table: ArchiveTable,
  orgId: string,
  reader: Reader,
  file: ArchiveFile,
  progress: ExportProgress,
): AsyncGenerator<Buffer> {
  let position: PagePosition = null;
  file.rows = 0;
  do {
    const page = await reader((tx) => readTablePage(tx, { table, orgId, position }));
    position = page.next;
    if (page.lines.length === 0) break;
    file.rows += page.lines.length;
    progress.rows += page.lines.length;
    yield Buffer.from(`${page.lines.join('\n')}\n`);
  } while (position);
}
