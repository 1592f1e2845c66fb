import { createPollingLoop } from '../../platform/jobs/polling-loop.js';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { ImportMapping, ImportSource } from '@guanxi/contract';
import { actorFromPrincipal } from '../../platform/auth/principal.js';
import { credentialsRepository } from '../../platform/auth/credentials.repository.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { orgTimeZone } from '../../platform/time/index.js';
import { readFileRows, type FileRow } from './file-reading.js';
import { groupedFileRows } from './grouped-rows.js';
import { commitBatch, JournaledMap, type BatchJob, type BatchOutcome } from './import-batch.js';
import { findImportKind } from './import-kinds.js';
import { withDictionaryOptions } from './import-dictionaries.js';
import type { ImportRow } from './import-kind.js';
import { emptySummary, type StoredSummary } from './import-summary.js';
import { importsRepository } from './imports.repository.js';
import { createRowPreparer, UserDirectory, type PreparedRow } from './row-preparation.js';
import { importUsersRepository } from './import-users.repository.js';

export interface ImportWorkerOptions {
  db: Db;
  events: EventBus;
  dataDir: string;
  /** Rows per transaction (default 500). */
  batchSize?: number;
  /** How long a claimed job stays ours without a committed batch (default 60 s). */
  leaseMs?: number;
  /** Idle wait between looks for work (default 1 s). */
  pollMs?: number;
  onError?: (error: unknown) => void;
  /**
   * Awaited before each batch. On PGlite, which runs one query at a time, the server passes a wait
   * for a moment without requests in flight: a user's request then waits for one batch at most,
   * not for one batch per query it makes.
   */
  beforeBatch?: () => Promise<void>;
  /** Test hook: runs inside each batch transaction after the kind wrote (throw to simulate a crash). */
  afterBatchWrite?: (batchRows: number) => void | Promise<void>;
}

/** A job that fails this many claims in a row is marked failed. */
const MAX_ATTEMPTS = 5;

/**
 * The durable import worker: claims a checking or queued/running import (FOR UPDATE SKIP LOCKED and
 * a lease), works through its file batch by batch — each batch one short transaction that also
 * saves the resume point — and finishes it. A killed process leaves at most an uncommitted batch;
 * the next worker takes the job when the lease expires and resumes after the last committed batch.
 * A dry run holds its in-file memory in this process only, so an interrupted dry run starts again.
 */
export function createImportWorker(options: ImportWorkerOptions) {
  const batchSize = options.batchSize ?? 500;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1000;
  const background = createPollingLoop({ runOnce: () => runOnce(), pollMs, onError: options.onError });

  async function runOnce(): Promise<boolean> {
    const claimed = await importsRepository.claimJob(options.db, leaseMs);
    if (!claimed) return false;
    try {
      await processJob(claimed);
    } catch (error) {
      if (claimed.attempts >= MAX_ATTEMPTS) await failJob(claimed, 'imports.failure.internal', error);
      throw error;
    }
    return true;
  }

  async function failJob(job: { orgId: string; id: string }, code: string, error: unknown) {
    await importsRepository.updateJob(options.db, job.orgId, job.id, {
      status: 'failed',
      failureCode: code,
      failureDetail: error instanceof Error ? error.message.slice(0, 500) : null,
      finishedAt: new Date(),
      lockedUntil: null,
    });
  }

  async function processJob(job: NonNullable<Awaited<ReturnType<typeof importsRepository.claimJob>>>) {
    const kind = findImportKind(job.kind as never);
    const mapping = job.mapping as ImportMapping | null;
    if (!kind || !mapping) return failJob(job, 'imports.failure.internal', new Error('no kind or mapping'));
    const filePath = path.join(options.dataDir, job.filePath);
    try {
      await access(filePath);
    } catch {
      return failJob(job, 'imports.failure.fileMissing', null);
    }
    const principal = await credentialsRepository.getPrincipalByUser(options.db, job.orgId, job.createdBy);
    const actor: Actor | null = principal ? actorFromPrincipal(principal, { ip: null, requestId: null }) : null;
    if (!actor || !actor.permissions.has(kind.permission))
      return failJob(job, 'imports.failure.internal', new Error('the import’s creator may no longer import this'));

    const phase: 'check' | 'run' = job.status === 'checking' ? 'check' : 'run';
    let rowsDone = job.rowsDone;
    let summary = ((phase === 'check' ? job.checkSummary : job.runSummary) as StoredSummary | null) ?? emptySummary();
    // A dry run's in-file memory died with the process that began it: begin again.
    if (phase === 'check' && rowsDone > 0) {
      await importsRepository.deleteErrors(options.db, job.orgId, job.id, 'check');
      rowsDone = 0;
      summary = emptySummary();
    }
    await importsRepository.updateJob(options.db, job.orgId, job.id, {
      ...(job.status === 'queued' ? { status: 'running' } : {}),
      phase,
      rowsDone,
      ...(phase === 'check' ? { checkSummary: summary } : { runSummary: summary }),
      phaseStartedAt: new Date(),
      phaseStartRows: rowsDone,
      startedAt: job.startedAt ?? new Date(),
    });

    const prepare = createRowPreparer({
      kind: await withDictionaryOptions(options.db, job.orgId, kind),
      mapping,
      users: new UserDirectory(await importUsersRepository.findActiveUsers(options.db, job.orgId)),
      timeZone: await orgTimeZone(options.db, job.orgId),
    });
    const batchJob: BatchJob = {
      orgId: job.orgId,
      id: job.id,
      kind,
      phase,
      duplicatePolicy: mapping.duplicatePolicy,
      mappedFields: new Set([...Object.keys(mapping.columns), ...Object.keys(mapping.constants)]),
    };
    const memory = new JournaledMap();
    const source = job.source as ImportSource;
    let outcome = 'committed' as BatchOutcome;
    const groupOf = (row: PreparedRow) =>
      kind.groupKey ? (row.ok ? kind.groupKey(row.row) : (row.group ?? null)) : null;
    const fileRows = kind.groupKey
      ? groupedFileRows(readFileRows(filePath, source), {
          headerRow: source.headerRow,
          keyOf: (row, index) => groupOf(prepare(row, index)),
        })
      : readFileRows(filePath, source);
    const batches = preparedBatches(fileRows, {
      headerRow: source.headerRow,
      skip: rowsDone,
      batchSize,
      prepare,
      prepareRow: kind.prepareRow && ((row: ImportRow) => kind.prepareRow!(row, phase)),
      groupOf,
    });
    // The next batch is read and prepared while the current one is in the database: on PostgreSQL
    // the file's parsing and the rows' conversion run in the time the worker would wait anyway.
    const readAhead = () => {
      const promise = batches.next();
      // Handled here so that a read error waiting behind a batch is not an unhandled rejection; the
      // loop still meets it when it awaits the batch.
      promise.catch(() => undefined);
      return promise;
    };
    let next = readAhead();
    for (;;) {
      const current = await next;
      if (current.done) break;
      next = readAhead();
      // PGlite answers in microtasks: without a turn of the event loop here, requests that arrived
      // during the batches would not even be read until the file is done.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await options.beforeBatch?.();
      // The summary object is updated in place by the batch; a lost batch leaves the job to its new holder.
      outcome = await commitBatch({
        db: options.db,
        job: batchJob,
        actor,
        events: options.events,
        memory,
        rows: current.value,
        rowsDoneBefore: rowsDone,
        summary,
        leaseMs,
        afterWrite: options.afterBatchWrite,
      });
      if (outcome === 'committed') rowsDone += current.value.length;
      if (outcome !== 'committed' || background.stopping) break;
    }
    // The read-ahead may be in flight: let it settle, then close the file.
    const lookahead = await next.catch(() => ({ done: true as const, value: undefined }));
    await batches.return(undefined);
    if (outcome === 'lost') return;
    if (background.stopping && outcome === 'committed' && !lookahead.done) {
      // Shutting down: give the job back at once, the next start resumes after the last batch.
      await importsRepository.updateJob(options.db, job.orgId, job.id, { lockedUntil: null });
      return;
    }
    await finishJob(job, phase, outcome);
  }

  async function finishJob(
    job: { orgId: string; id: string },
    phase: 'check' | 'run',
    outcome: 'committed' | 'cancelled',
  ) {
    const cancelled = outcome === 'cancelled';
    await importsRepository.updateJob(options.db, job.orgId, job.id, {
      status: cancelled ? (phase === 'check' ? 'uploaded' : 'cancelled') : phase === 'check' ? 'checked' : 'completed',
      cancelRequested: false,
      lockedUntil: null,
      attempts: 0,
      ...(phase === 'run' ? { finishedAt: new Date() } : {}),
    });
  }

  return {
    /** Claims and processes one job to its end (tests call this without the loop); false when idle. */
    runOnce,
    /** Runs jobs until none waits (tests and the CLI). */
    async drain(): Promise<void> {
      while (await runOnce()) {
        // keep going
      }
    },
    /** Starts the background loop. */
    start: () => background.start(),
    /** Wakes the loop now (a job was just queued). */
    notify: () => background.notify(),
    /** Stops after the batch in flight; the job's lease is released so the next start resumes it. */
    stop: () => background.stop(),
  };
}

export type ImportWorker = ReturnType<typeof createImportWorker>;

/**
 * The file's data rows, prepared, in batches of `batchSize` (a group — an order's lines — is never
 * split, so a batch may run longer), starting after the `skip` rows a previous worker committed.
 */
async function* preparedBatches(
  fileRows: AsyncIterable<FileRow>,
  options: {
    headerRow: number;
    skip: number;
    batchSize: number;
    prepare: (row: FileRow, dataIndex: number) => PreparedRow;
    prepareRow?: ((row: ImportRow) => void) | undefined;
    groupOf: (row: PreparedRow) => string | null;
  },
): AsyncGenerator<PreparedRow[]> {
  const { batchSize, prepare, groupOf } = options;
  let batch: PreparedRow[] = [];
  let dataIndex = 0;
  for await (const fileRow of fileRows) {
    if (fileRow.rowNumber <= options.headerRow) continue;
    const index = dataIndex++;
    if (index < options.skip) continue;
    const prepared = prepare(fileRow, index);
    if (prepared.ok) options.prepareRow?.(prepared.row);
    const last = batch.at(-1);
    const sameGroup = last !== undefined && groupOf(last) !== null && groupOf(last) === groupOf(prepared);
    if (batch.length >= batchSize && !sameGroup) {
      yield batch;
      batch = [];
    }
    batch.push(prepared);
  }
  if (batch.length > 0) yield batch;
}
