import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OrganizationExport } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { iso } from '../../platform/db/row-values.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { exportOrganization, type ExportProgress } from '../../platform/archive/organization-export.js';
import {
  organizationExportsRepository as repository,
  type OrganizationExportRow,
} from './organization-exports.repository.js';

/** Finished exports kept per organization; starting another deletes the older ones (rows and files). */
export const EXPORTS_KEPT = 5;

/**
 * Exports of all of an organization's data, run in the background of the server process, one at a
 * time per organization. The row records start and outcome, the file lies under
 * `<dataDir>/exports/<org>/<id>.zip`, progress lives in memory while it runs. An export this
 * process is not running but whose row still says so (the server stopped) shows as failed.
 */
export function createOrganizationExportsService({ database, dataDir }: { database: Database; dataDir: string }) {
  const db = database.db;
  const running = new Map<string, ExportProgress>();
  const filePath = (orgId: string, id: string) => path.join(dataDir, 'exports', orgId, `${id}.zip`);

  const toExport = (row: OrganizationExportRow): OrganizationExport => {
    const progress = running.get(row.id);
    const state = row.state === 'running' && !progress ? 'failed' : (row.state as OrganizationExport['state']);
    return {
      id: row.id,
      state,
      startedAt: iso(row.startedAt),
      finishedAt: iso(row.finishedAt),
      requestedBy: row.requestedByName,
      tablesDone: progress?.tablesDone ?? (state === 'succeeded' ? row.tablesTotal : 0),
      tablesTotal: progress?.tablesTotal ?? row.tablesTotal,
      rows: progress?.rows ?? row.rows,
      bytes: row.bytes,
      fileName: row.fileName,
    };
  };

  async function prune(orgId: string): Promise<void> {
    const finished = (await repository.findAll(db, orgId)).filter((r) => !running.has(r.id));
    const old = finished.slice(EXPORTS_KEPT - 1);
    for (const row of old) await rm(filePath(orgId, row.id), { force: true });
    await repository.deleteByIds(
      db,
      orgId,
      old.map((r) => r.id),
    );
  }

  async function run(orgId: string, id: string): Promise<void> {
    const progress: ExportProgress = { tablesDone: 0, tablesTotal: 0, rows: 0 };
    running.set(id, progress);
    let outcome: Parameters<typeof repository.finish>[2];
    try {
      const manifest = await exportOrganization({
        database,
        dataDir,
        orgId,
        file: filePath(orgId, id),
        onProgress: (p) => Object.assign(progress, p),
      });
      const rows = manifest.files.reduce((sum, f) => sum + (f.rows ?? 0), 0);
      const tablesTotal = manifest.files.filter((f) => f.kind === 'table').length;
      outcome = { state: 'succeeded', tablesTotal, rows, bytes: (await stat(filePath(orgId, id))).size };
    } catch {
      outcome = { state: 'failed', tablesTotal: progress.tablesTotal, rows: progress.rows, bytes: null };
    }
    try {
      await repository.finish(db, { orgId, id }, outcome);
    } finally {
      running.delete(id);
    }
  }

  const tasks = new Set<Promise<void>>();

  return {
    async list(actor: Actor): Promise<OrganizationExport[]> {
      return (await repository.findAll(db, actor.orgId)).map(toExport);
    },

    /** Starts an export; 409 while one of the organization's runs. Recorded and audited in one transaction. */
    async start(actor: Actor): Promise<OrganizationExport> {
      const mine = (await repository.findAll(db, actor.orgId)).filter((r) => running.has(r.id));
      if (mine.length > 0) throw new AppError('conflict', 'error.organizationExportRunning');
      await prune(actor.orgId);
      await mkdir(path.dirname(filePath(actor.orgId, 'x')), { recursive: true });
      const startedAt = new Date();
      const id = newId();
      const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 13);
      const row = {
        orgId: actor.orgId,
        id,
        state: 'running',
        startedAt,
        requestedBy: actor.userId,
        fileName: `guanxi-export-${actor.orgCode}-${stamp}.zip`,
      };
      await db.transaction(async (tx) => {
        await repository.insert(tx, row);
        await recordAudit(tx, actor, {
          action: 'export',
          entity: 'organization',
          entityId: actor.orgId,
          after: { exportId: id, fileName: row.fileName },
        });
      });
      const task = run(actor.orgId, id);
      tasks.add(task);
      void task.finally(() => tasks.delete(task));
      const [created] = (await repository.findAll(db, actor.orgId)).filter((r) => r.id === id);
      return toExport(created!);
    },

    /** The finished file of one of the organization's exports; 404 for any other. */
    async file(actor: Actor, id: string) {
      const row = (await repository.findAll(db, actor.orgId)).find((r) => r.id === id);
      if (!row || row.state !== 'succeeded') throw notFound('entity.organizationExport');
      return { fileName: row.fileName, stream: createReadStream(filePath(actor.orgId, id)), bytes: row.bytes };
    },

    /** Waits for the exports this process runs (the app's close, tests). */
    async settled(): Promise<void> {
      await Promise.allSettled([...tasks]);
    },
  };
}
