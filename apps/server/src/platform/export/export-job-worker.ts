import { createPollingLoop } from '../jobs/polling-loop.js';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFormat, ListExportJob } from '@guanxi/contract';
import type { Actor } from '../auth/actor.js';
import { credentialsRepository } from '../auth/credentials.repository.js';
import { actorFromPrincipal } from '../auth/principal.js';
import type { Db } from '../db/client.js';
import type { JobDefinition } from '../jobs/job-registry.js';
import { iso } from '../db/row-values.js';
import { exportJobsRepository as repository, type ExportJobRow } from './export-jobs.repository.js';
import { EXPORT_PAGE_SIZE, writeListFile, type AnyListExport, type ExportListQuery } from './export-writing.js';

/** Where a background export's file lies: `<dataDir>/exports/<org>/list-<id>.<format>`. */
export const exportJobFile = (dataDir: string, job: { orgId: string; id: string; format: string }) =>
  path.join(dataDir, 'exports', job.orgId, `list-${job.id}.${job.format}`);

/** The job as its requester sees it; the link answers only them, only until it expires. */
export function toListExportJob(row: ExportJobRow, apiPrefix = '/api/v1'): ListExportJob {
  const completed = row.status === 'completed';
  return {
    id: row.id,
    state: row.status as ListExportJob['state'],
    format: row.format as ExportFormat,
    fileName: row.fileName,
    rowsDone: row.rowsDone,
    rowsTotal: Math.max(row.rowsTotal, row.rowsDone),
    createdAt: iso(row.createdAt)!,
    finishedAt: iso(row.finishedAt),
    expiresAt: iso(row.expiresAt)!,
    downloadUrl: completed ? `${apiPrefix}/export-jobs/${row.id}/file` : null,
  };
}

/** How often a running job saves its progress (and renews its lease); well under the lease. */
const PROGRESS_INTERVAL_MS = 1000;

/** A job that fails this many claims in a row is marked failed. */
const MAX_ATTEMPTS = 3;

export interface ExportJobWorkerOptions {
  db: Db;
  dataDir: string;
  /** The registered list exports by their endpoint's operation id. */
  definitions: ReadonlyMap<string, AnyListExport>;
  leaseMs?: number;
  pollMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * The durable worker of background list exports, like the import worker: claims the oldest queued
 * job (or one whose worker died: its lease ran out) and writes the file as the requester, within
 * their scope and field permissions as they are now, saving progress with each page. An export is
 * written again from its start after a restart: only a finished file is ever offered.
 */
export function createExportJobWorker(options: ExportJobWorkerOptions) {
  const { db, dataDir } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1000;
  const background = createPollingLoop({ runOnce: () => runOnce(), pollMs, onError: options.onError });

  const fail = (job: ExportJobRow) =>
    repository.update(db, job, { status: 'failed', finishedAt: new Date(), lockedUntil: null });

  async function requester(job: ExportJobRow, definition: AnyListExport): Promise<Actor | null> {
    const principal = await credentialsRepository.getPrincipalByUser(db, job.orgId, job.requestedBy);
    if (!principal) return null;
    const actor = actorFromPrincipal(principal, { ip: null, requestId: null });
    const permission = definition.endpoint.permission;
    return typeof permission === 'string' && actor.permissions.has(permission as never) ? actor : null;
  }

  async function countRows(actor: Actor, definition: AnyListExport, query: Record<string, unknown>) {
    let rows = 0;
    let cursor: string | undefined;
    do {
      const page = await definition.list(actor, {
        ...query,
        limit: EXPORT_PAGE_SIZE,
        cursor,
      } as ExportListQuery<never>);
      rows += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && !background.stopping);
    return rows;
  }

  async function processJob(job: ExportJobRow): Promise<void> {
    const definition = options.definitions.get(job.listKey);
    const actor = definition ? await requester(job, definition) : null;
    if (!definition || !actor) return fail(job);
    const query = job.query as Record<string, unknown>;
    await repository.update(db, job, { status: 'running', rowsDone: 0, leaseMs });
    // A list that gave no count on its first page is counted first, for the progress bar.
    if (job.rowsTotal === 0) await repository.update(db, job, { rowsTotal: await countRows(actor, definition, query) });
    const file = exportJobFile(dataDir, job);
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.part`;
    const out = createWriteStream(partial);
    let progressSavedAt = Date.now();
    try {
      const first = await definition.list(actor, { ...query, limit: EXPORT_PAGE_SIZE } as ExportListQuery<never>);
      const written = await writeListFile({
        db,
        definition,
        actor,
        query,
        format: job.format as ExportFormat,
        out,
        pages: [first],
        onPage: async (rows) => {
          if (background.stopping) out.destroy();
          // Progress (and the lease) at most once a second, not a write per page.
          if (Date.now() - progressSavedAt < PROGRESS_INTERVAL_MS) return;
          progressSavedAt = Date.now();
          await repository.update(db, job, { rowsDone: rows, leaseMs });
        },
      });
      if (!written.complete) {
        // Stopped (the server is shutting down): the next start writes it again.
        await repository.update(db, job, { lockedUntil: null });
        return;
      }
      await written.writer.finish();
      await rename(partial, file);
      const { size } = await stat(file);
      await repository.update(db, job, {
        status: 'completed',
        rowsDone: written.rows,
        rowsTotal: written.rows,
        bytes: size,
        finishedAt: new Date(),
        lockedUntil: null,
      });
    } finally {
      if (!out.destroyed) out.destroy();
      await rm(partial, { force: true });
    }
  }

  async function runOnce(): Promise<boolean> {
    const job = await repository.claim(db, leaseMs);
    if (!job) return false;
    try {
      await processJob(job);
    } catch (error) {
      if (job.attempts >= MAX_ATTEMPTS) await fail(job);
      else await repository.update(db, job, { lockedUntil: null });
      throw error;
    }
    return true;
  }

  return {
    /** Claims and writes one job to its end (tests call this without the loop); false when idle. */
    runOnce,
    /** Starts the background loop. */
    start: () => background.start(),
    /** Wakes the loop now (a job was just queued). */
    notify: () => background.notify(),
    /** Stops after the page in flight; an unfinished job is given back for the next start. */
    stop: () => background.stop(),
  };
}

export type ExportJobWorker = ReturnType<typeof createExportJobWorker>;

/** Deletes the files and records of background exports whose download time is over; returns how many. */
export async function deleteExpiredExports(db: Db, dataDir: string, now: Date, orgId: string | null): Promise<number> {
  let deleted = 0;
  for (;;) {
    const expired = await repository.findExpired(db, now, orgId);
    for (const job of expired) {
      await rm(exportJobFile(dataDir, job), { force: true });
      await repository.delete(db, job);
    }
    deleted += expired.length;
    if (expired.length < 500) return deleted;
  }
}

/** The daily clean-up of expired background exports (files and records), for every organization or the one run by hand. */
export const exportCleanupJob: JobDefinition = {
  name: 'exports.cleanup',
  scope: 'global',
  schedule: { kind: 'daily', at: '04:10' },
  async run({ db, now, orgId, installation }) {
    // Without the installation (a bare test run) there is no data directory to clean.
    if (!installation) return { deleted: 0 };
    return { deleted: await deleteExpiredExports(db, installation.config.dataDir, now, orgId) };
  },
};
