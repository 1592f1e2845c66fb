import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import yazl from 'yazl';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { ArchiveError } from '../../platform/archive/archive-reader.js';
import { exportOrganization } from '../../platform/archive/organization-export.js';
import { importOrganization } from '../../platform/archive/organization-import.js';
import type { ArchiveManifest } from '../../platform/archive/archive-format.js';
import { openArchive } from '../../platform/archive/archive-reader.js';
import { seedDemoOrganization } from '../../test/demo-organization.js';
import { createTestDatabase } from '../../test/test-database.js';

let source: Awaited<ReturnType<typeof createTestDatabase>>;
let target: Awaited<ReturnType<typeof createTestDatabase>>;
let work: string;
let orgId: string;
let first: ArchiveManifest;
const sourceDir = () => path.join(work, 'source');
const targetDir = () => path.join(work, 'target');

/** The manifest without what differs between two exports of the same data (time, engine). */
const contents = (manifest: ArchiveManifest) => ({
  schemaVersion: manifest.schemaVersion,
  organization: manifest.organization,
  files: manifest.files,
});

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'guanxi-archive-'));
  source = await createTestDatabase();
  target = await createTestDatabase();
  ({ orgId } = await seedDemoOrganization(source.database.db));
  // A soft-deleted customer, a department under another (self-reference) and an attachment file.
  await source.database.db.execute(
    sql`update customers set deleted_at = now() where org_id = ${orgId} and id = (select id from customers where org_id = ${orgId} order by id limit 1)`,
  );
  mkdirSync(path.join(sourceDir(), 'attachments', orgId), { recursive: true });
  writeFileSync(path.join(sourceDir(), 'attachments', orgId, 'file-1'), Buffer.from('%PDF-1.4 test'));
  first = await exportOrganization({
    database: source.database,
    dataDir: sourceDir(),
    orgId,
    file: path.join(work, 'first.zip'),
  });
}, 120_000);

afterAll(async () => {
  await source?.drop();
  await target?.drop();
  rmSync(work, { recursive: true, force: true });
});

const count = async (database: Database, table: string) =>
  (
    await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where org_id = ${orgId}`,
    )
  )[0]!.n;

describe('organization export and import', () => {
  it('exports every table with the org rows, soft-deleted ones and attachments included', async () => {
    const tables = first.files.filter((f) => f.kind === 'table').map((f) => f.table);
    expect(tables).toEqual(
      expect.arrayContaining([
        'customers',
        'audit_log',
        'stage_transitions',
        'ownership_events',
        'users',
        'roles',
        'departments',
        'org_sequences',
      ]),
    );
    expect(tables).not.toContain('sessions');
    const customers = first.files.find((f) => f.table === 'customers')!;
    expect(customers.rows).toBe(await count(source.database, 'customers'));
    expect(first.files.find((f) => f.kind === 'attachment')).toMatchObject({
      path: `attachments/${orgId}/file-1`,
      bytes: 13,
    });
  });

  it('round trip: export, import into a fresh database, export again gives identical counts and checksums', async () => {
    await importOrganization({ database: target.database, dataDir: targetDir(), file: path.join(work, 'first.zip') });
    const second = await exportOrganization({
      database: target.database,
      dataDir: targetDir(),
      orgId,
      file: path.join(work, 'second.zip'),
    });
    expect(contents(second)).toEqual(contents(first));
    expect(readFileSync(path.join(targetDir(), 'attachments', orgId, 'file-1'), 'utf8')).toBe('%PDF-1.4 test');
  });

  it('refuses to import an organization that exists already', async () => {
    const error = await importOrganization({
      database: target.database,
      dataDir: targetDir(),
      file: path.join(work, 'first.zip'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).reason).toBe('organization-exists');
  });

  it('refuses a tampered archive before importing anything', async () => {
    const archive = await openArchive(path.join(work, 'first.zip'));
    const zip = new yazl.ZipFile();
    for (const entry of ['README.md', 'manifest.json', ...archive.manifest.files.map((f) => f.path)]) {
      const stream = await archive.open(entry);
      if (entry === 'tables/customers.ndjson') {
        const chunks: Buffer[] = [];
        for await (const c of stream) chunks.push(c as Buffer);
        zip.addBuffer(Buffer.from(Buffer.concat(chunks).toString('utf8').replace('"name":"', '"name":"X')), entry);
      } else zip.addReadStream(stream, entry);
    }
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(path.join(work, 'tampered.zip')));
    archive.close();
    const fresh = await createTestDatabase();
    try {
      const error = await importOrganization({
        database: fresh.database,
        dataDir: path.join(work, 'fresh'),
        file: path.join(work, 'tampered.zip'),
      }).catch((e: unknown) => e);
      expect((error as ArchiveError).reason).toBe('checksum');
      expect(await count(fresh.database, 'customers')).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
});
