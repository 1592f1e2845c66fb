import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { latestAppliedMigration } from '../db/migrate.js';
import { queryRows } from '../db/query.js';
import { ArchiveError, openArchive, verifyArchive, type OpenedArchive } from './archive-reader.js';
import { ATTACHMENTS_PREFIX, tablePath, type ArchiveManifest } from './archive-format.js';
import { findArchiveTables, MAINTAINED_TABLES, type ArchiveTable } from './archive-tables.js';
import { countTableRows, deleteTableRows, insertTableRows, PAGE_SIZE, restoreArchivedValues } from './table-pages.js';

export interface ImportOptions {
  database: Database;
  /** The data directory the organization's attachments are written under. */
  dataDir: string;
  file: string;
  onProgress?: (message: string) => void;
}

/**
 * Loads an organization archive into this database: checks it whole first (checksums, schema
 * version, the organization not present), then loads table by table in foreign-key order, in
 * batches of short transactions. A failure midway removes every row and file it loaded.
 */
export async function importOrganization(options: ImportOptions): Promise<ArchiveManifest> {
  const archive = await openArchive(options.file);
  try {
    const { manifest } = archive;
    await verifyArchive(archive);
    const db = options.database.db;
    const schemaVersion = await latestAppliedMigration(db);
    if (schemaVersion !== manifest.schemaVersion) {
      throw new ArchiveError(
        'schema-version',
        `The archive was written with schema version ${manifest.schemaVersion}; this database has ${schemaVersion ?? 'none'}. Import it with the Guanxi release that exported it (same migrations).`,
      );
    }
    await refuseExistingOrganization(db, manifest);
    const tables = await findArchiveTables(db);
    checkTables(tables, manifest);
    const orgId = manifest.organization.id;
    try {
      for (const table of tables) {
        await loadTable({ db, archive, table, orgId });
        options.onProgress?.(`${table.name}: ${rowsOf(manifest, table.name)} rows`);
      }
      await writeAttachments(archive, options.dataDir, orgId);
    } catch (error) {
      await removeOrganization(db, tables, orgId);
      await rm(path.join(options.dataDir, 'attachments', orgId), { recursive: true, force: true });
      throw error;
    }
    return manifest;
  } finally {
    archive.close();
  }
}

const rowsOf = (manifest: ArchiveManifest, table: string) =>
  manifest.files.find((f) => f.kind === 'table' && f.table === table)?.rows ?? 0;

async function refuseExistingOrganization(db: Executor, manifest: ArchiveManifest): Promise<void> {
  const { id, code } = manifest.organization;
  const found = await queryRows<{ id: string; code: string }>(
    db,
    sql`select id, code from organizations where id = ${id} or lower(code) = lower(${code})`,
  );
  if (found.length > 0) {
    throw new ArchiveError(
      'organization-exists',
      found.some((f) => f.id === id)
        ? `The organization ${manifest.organization.name} (${id}) exists in this database already; nothing was imported. Import into an instance without it.`
        : `Another organization uses the login code "${code}" in this database; nothing was imported.`,
    );
  }
}

/** The archive and this database must hold the same tables (they do when the schema versions match). */
function checkTables(tables: ArchiveTable[], manifest: ArchiveManifest): void {
  const here = new Set(tables.map((t) => t.name));
  const archived = manifest.files.filter((f) => f.kind === 'table').map((f) => f.table ?? '');
  const missing = archived.filter((t) => !here.has(t));
  const extra = [...here].filter((t) => !archived.includes(t));
  if (missing.length > 0 || extra.length > 0) {
    throw new ArchiveError(
      'unexpected-content',
      `The archive's tables differ from this database's (${[...missing, ...extra].join(', ')}).`,
    );
  }
  for (const file of manifest.files) {
    if (file.kind === 'attachment') attachmentTarget(file.path, manifest.organization.id);
  }
}

async function loadTable(options: { db: Database['db']; archive: OpenedArchive; table: ArchiveTable; orgId: string }) {
  const { db, archive, table, orgId } = options;
  const entry = tablePath(table.name);
  const maintained = (MAINTAINED_TABLES as readonly string[]).includes(table.name);
  // What the triggers counted while loading gives way to the archived counters.
  if (maintained) await db.transaction((tx) => deleteTableRows(tx, { table, orgId }));
  const secondPass = table.selfReferences.length > 0;
  for await (const lines of archive.batches(entry, PAGE_SIZE)) {
    await db.transaction(async (tx) => {
      const inserted = await insertTableRows(tx, { table, orgId, lines });
      if (inserted !== lines.length) {
        throw new ArchiveError('unexpected-content', `${entry} holds rows of another organization.`);
      }
      if (!secondPass) await restoreArchivedValues(tx, { table, lines });
    });
  }
  if (secondPass) {
    for await (const lines of archive.batches(entry, PAGE_SIZE)) {
      await db.transaction((tx) => restoreArchivedValues(tx, { table, lines }));
    }
  }
  const count = await countTableRows(db, { table, orgId });
  const expected = rowsOf(archive.manifest, table.name);
  if (count !== expected) {
    throw new Error(`${table.name}: ${count} rows after loading, the archive has ${expected}`);
  }
}

async function removeOrganization(db: Database['db'], tables: ArchiveTable[], orgId: string): Promise<void> {
  for (const table of [...tables].reverse()) {
    await db.transaction((tx) => deleteTableRows(tx, { table, orgId }));
  }
}

/** Where an archived attachment goes; refuses paths that would leave the organization's folder. */
function attachmentTarget(entryPath: string, orgId: string): string {
  const prefix = `${ATTACHMENTS_PREFIX}${orgId}/`;
  const relative = entryPath.startsWith(prefix) ? entryPath.slice(prefix.length) : '';
  const parts = relative.split('/');
  if (!relative || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) {
    throw new ArchiveError('unexpected-content', `${entryPath} is not a file of the organization's attachments.`);
  }
  return path.join(orgId, ...parts);
}

async function writeAttachments(archive: OpenedArchive, dataDir: string, orgId: string): Promise<void> {
  const root = path.join(dataDir, 'attachments');
  for (const file of archive.manifest.files) {
    if (file.kind !== 'attachment') continue;
    const target = path.join(root, attachmentTarget(file.path, orgId));
    await mkdir(path.dirname(target), { recursive: true });
    await pipeline(await archive.open(file.path), createWriteStream(`${target}.part`));
    await rename(`${target}.part`, target);
  }
}
