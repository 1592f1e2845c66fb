import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OrganizationExport } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { exportOrganization } from '../../platform/archive/organization-export.js';

/** Finished exports kept per organization; starting another deletes the oldest beyond these. */
export const EXPORTS_KEPT = 5;

interface Stored extends OrganizationExport {
  orgId: string;
  requestedById: string;
}

/**
 * Exports of all of an organization's data, run in the background of the server process: one at a
 * time per organization, the file and a small JSON record of it under
 * `<dataDir>/exports/<org>/`. Progress lives in memory while it runs; an export the process did
 * not finish (the server stopped) shows as failed.
 */
export function createOrganizationExportsService({ database, dataDir }: { database: Database; dataDir: string }) {
  const running = new Map<string, Stored>();
  const dirOf = (orgId: string) => path.join(dataDir, 'exports', orgId);
  const recordPath = (orgId: string, id: string) => path.join(dirOf(orgId), `${id}.json`);
  const filePath = (orgId: string, id: string) => path.join(dirOf(orgId), `${id}.zip`);
  const save = (orgId: string, record: Stored) => writeFile(recordPath(orgId, record.id), JSON.stringify(record));
  const visible = ({ orgId: _orgId, requestedById: _requestedById, ...record }: Stored): OrganizationExport => record;

  async function stored(orgId: string): Promise<Stored[]> {
    const names = await readdir(dirOf(orgId)).catch(() => [] as string[]);
    const records = await Promise.all(
      names
        .filter((n) => n.endsWith('.json'))
        .map(async (n) => JSON.parse(await readFile(path.join(dirOf(orgId), n), 'utf8')) as Stored),
    );
    return records
      .map((r) => running.get(r.id) ?? (r.state === 'running' ? { ...r, state: 'failed' as const } : r))
      .sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
  }

  async function prune(orgId: string): Promise<void> {
    const finished = (await stored(orgId)).filter((r) => r.state !== 'running');
    for (const old of finished.slice(EXPORTS_KEPT - 1)) {
      await rm(filePath(orgId, old.id), { force: true });
      await rm(recordPath(orgId, old.id), { force: true });
    }
  }

  async function run(actor: Actor, record: Stored): Promise<void> {
    try {
      const manifest = await exportOrganization({
        database,
        dataDir,
        orgId: actor.orgId,
        file: filePath(actor.orgId, record.id),
        onProgress: (p) => Object.assign(record, p),
      });
      record.rows = manifest.files.reduce((sum, f) => sum + (f.rows ?? 0), 0);
      record.state = 'succeeded';
      record.bytes = (await stat(filePath(actor.orgId, record.id))).size;
    } catch {
      record.state = 'failed';
    }
    record.finishedAt = new Date().toISOString();
    running.delete(record.id);
    await save(actor.orgId, record);
  }

  return {
    async list(actor: Actor): Promise<OrganizationExport[]> {
      return (await stored(actor.orgId)).map(visible);
    },

    /** Starts an export; 409 while one of the organization's runs. Audited when it starts. */
    async start(actor: Actor): Promise<OrganizationExport> {
      if ([...running.values()].some((r) => r.orgId === actor.orgId)) {
        throw new AppError('conflict', 'error.organizationExportRunning');
      }
      await mkdir(dirOf(actor.orgId), { recursive: true });
      await prune(actor.orgId);
      const startedAt = new Date();
      const id = newId();
      const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 13);
      const record: Stored = {
        id,
        state: 'running',
        startedAt: startedAt.toISOString(),
        finishedAt: null,
        orgId: actor.orgId,
        requestedBy: actor.displayName,
        requestedById: actor.userId,
        tablesDone: 0,
        tablesTotal: 0,
        rows: 0,
        bytes: null,
        fileName: `guanxi-export-${actor.orgCode}-${stamp}.zip`,
      };
      await database.db.transaction((tx) =>
        recordAudit(tx, actor, {
          action: 'export',
          entity: 'organization',
          entityId: actor.orgId,
          after: { exportId: id, fileName: record.fileName },
        }),
      );
      running.set(id, record);
      await save(actor.orgId, record);
      void run(actor, record);
      return visible(record);
    },

    /** The finished file of one of the organization's exports; 404 for any other. */
    async file(actor: Actor, id: string) {
      const record = (await stored(actor.orgId)).find((r) => r.id === id);
      if (!record || record.state !== 'succeeded') throw notFound('entity.organizationExport');
      return { fileName: record.fileName, stream: createReadStream(filePath(actor.orgId, id)), bytes: record.bytes };
    },

    /** Waits for the exports running in this process (tests, shutdown). */
    async settled(): Promise<void> {
      while (running.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}
