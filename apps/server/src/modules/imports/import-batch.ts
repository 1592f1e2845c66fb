import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import type { EventBus } from '../../platform/events/index.js';
import type { ImportKind, ImportRow, ImportRowIssue, ImportRowResult } from './import-kind.js';
import { importsRepository, WORKER_STATUSES, type ImportErrorInsert } from './imports.repository.js';
import type { PreparedRow } from './row-preparation.js';
import { addOutcome, addReason, addWarnedRow, type StoredSummary } from './import-summary.js';

/** A map whose changes since `begin` can be undone: the file memory of a batch that rolled back. */
export class JournaledMap extends Map<string, string> {
  private journal: [string, string | undefined][] | null = null;
  begin(): void {
    this.journal = [];
  }
  override set(key: string, value: string): this {
    this.journal?.push([key, super.get(key)]);
    return super.set(key, value);
  }
  commit(): void {
    this.journal = null;
  }
  rollback(): void {
    for (const [key, previous] of (this.journal ?? []).reverse()) {
      if (previous === undefined) super.delete(key);
      else super.set(key, previous);
    }
    this.journal = null;
  }
}

export interface BatchJob {
  orgId: string;
  id: string;
  kind: ImportKind;
  phase: 'check' | 'run';
  duplicatePolicy: 'skip' | 'update' | 'create';
  mappedFields: ReadonlySet<string>;
}

export interface BatchInput {
  db: Db;
  job: BatchJob;
  actor: Actor;
  events: EventBus;
  memory: JournaledMap;
  rows: readonly PreparedRow[];
  /** Data rows committed before this batch: the batch commits only if the job is still there. */
  rowsDoneBefore: number;
  summary: StoredSummary;
  leaseMs: number;
  /** Test hook: runs inside the batch transaction after the kind wrote its rows. */
  afterWrite?: ((batchRows: number) => void | Promise<void>) | undefined;
}

export type BatchOutcome = 'committed' | 'cancelled' | 'lost';

const errorDetail = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

/**
 * One batch in one short transaction: the kind's writes, the rejected rows, the counts, the resume
 * point and the audit entry commit together or not at all. A batch the kind cannot write whole is
 * replayed one row per savepoint, so one bad row is reported and never half written.
 */
export async function commitBatch(input: BatchInput): Promise<BatchOutcome> {
  const { job, rows, memory } = input;
  return input.db.transaction(async (tx) => {
    await importsRepository.commitWithoutFlushWait(tx);
    const locked = await importsRepository.lockJob(tx, job.orgId, job.id);
    if (
      !locked ||
      !(WORKER_STATUSES as readonly string[]).includes(locked.status) ||
      locked.phase !== job.phase ||
      locked.rowsDone !== input.rowsDoneBefore
    )
      return 'lost';
    if (locked.cancelRequested) return 'cancelled';
    const now = new Date();
    // A group is written whole or not at all: a row the engine rejected refuses its group's other rows.
    const refusedGroups = refusedGroupsOf(job.kind, rows);
    const groupRefusal = (row: ImportRow) => {
      const key = job.kind.groupKey?.(row);
      return key === null || key === undefined ? undefined : refusedGroups.get(key);
    };
    const good = rows.filter(
      (row): row is Extract<PreparedRow, { ok: true }> => row.ok && groupRefusal(row.row) === undefined,
    );
    const context = (executor: Executor) => ({
      tx: executor,
      actor: input.actor,
      orgId: job.orgId,
      importId: job.id,
      mode: job.phase,
      duplicatePolicy: job.duplicatePolicy,
      mappedFields: job.mappedFields,
      locale: input.actor.locale,
      events: input.events,
      fileMemory: memory,
      now,
    });
    const results = await importRows(tx, good, context, job.kind, memory);
    await input.afterWrite?.(rows.length);

    const summary = input.summary;
    const errors: ImportErrorInsert[] = [];
    const counts = { created: 0, updated: 0, unchanged: 0, duplicates: 0, errors: 0 };
    const report = (
      row: { rowNumber: number; cells: string[] },
      issues: readonly ImportRowIssue[],
      severity: 'error' | 'warning' = 'error',
    ) => {
      for (const issue of issues) {
        if (severity === 'error') addReason(summary, issue);
        errors.push({
          orgId: job.orgId,
          id: newId(),
          importId: job.id,
          phase: job.phase,
          rowNumber: row.rowNumber,
          field: issue.field,
          code: issue.code,
          params: issue.params ?? {},
          values: row.cells,
        });
      }
    };
    let goodIndex = 0;
    for (const row of rows) {
      if (!row.ok) {
        addOutcome(summary, counts, 'error');
        report(row, row.issues);
        continue;
      }
      const refusedBy = groupRefusal(row.row);
      if (refusedBy !== undefined) {
        addOutcome(summary, counts, 'error');
        report({ rowNumber: row.row.rowNumber, cells: row.cells }, [
          { field: null, code: 'imports.rowError.groupRefused', params: { row: refusedBy } },
        ]);
        continue;
      }
      const result = results[goodIndex++]!;
      addOutcome(summary, counts, result.outcome);
      if (result.outcome === 'error') report({ rowNumber: row.row.rowNumber, cells: row.cells }, result.errors);
      else if (result.warnings && result.warnings.length > 0) {
        // Listed with the errors (the code tells them apart), counted apart: the row is imported.
        addWarnedRow(summary);
        report({ rowNumber: row.row.rowNumber, cells: row.cells }, result.warnings, 'warning');
      }
    }
    await importsRepository.insertErrors(tx, errors);
    const rowsDone = input.rowsDoneBefore + rows.length;
    await importsRepository.updateJob(tx, job.orgId, job.id, {
      rowsDone,
      ...(job.phase === 'check' ? { checkSummary: summary } : { runSummary: summary }),
      lockedUntil: new Date(Date.now() + input.leaseMs),
    });
    if (job.phase === 'run' && (counts.created > 0 || counts.updated > 0)) {
      const first = rows[0];
      const last = rows.at(-1);
      await recordAudit(tx, input.actor, {
        action: 'import',
        entity: 'import_job',
        entityId: job.id,
        after: {
          kind: job.kind.name,
          fromRow: first ? rowNumberOf(first) : null,
          toRow: last ? rowNumberOf(last) : null,
          ...counts,
        },
      });
    }
    return 'committed';
  });
}

/** Group key → the first rejected row of that group, for kinds whose groups are all or nothing. */
function refusedGroupsOf(kind: ImportKind, rows: readonly PreparedRow[]): Map<string, number> {
  const refused = new Map<string, number>();
  if (!kind.groupKey) return refused;
  for (const row of rows)
    if (!row.ok && row.group !== null && row.group !== undefined && !refused.has(row.group))
      refused.set(row.group, row.rowNumber);
  return refused;
}

const rowNumberOf = (row: PreparedRow) => (row.ok ? row.row.rowNumber : row.rowNumber);

async function importRows(
  tx: Executor,
  rows: readonly Extract<PreparedRow, { ok: true }>[],
  context: (executor: Executor) => Parameters<ImportKind['importBatch']>[0],
  kind: ImportKind,
  memory: JournaledMap,
): Promise<ImportRowResult[]> {
  if (rows.length === 0) return [];
  const kindRows: ImportRow[] = rows.map((row) => row.row);
  memory.begin();
  try {
    const results = await (tx as Db).transaction((savepoint) => kind.importBatch(context(savepoint), kindRows));
    if (results.length !== kindRows.length)
      throw new Error(`${kind.name} answered ${results.length} results for ${kindRows.length} rows`);
    memory.commit();
    return results;
  } catch {
    memory.rollback();
  }
  // Replay row by row: the row that fails is reported, the others are written.
  const results: ImportRowResult[] = [];
  for (const row of kindRows) {
    memory.begin();
    try {
      const [result] = await (tx as Db).transaction((savepoint) => kind.importBatch(context(savepoint), [row]));
      memory.commit();
      results.push(
        result ?? {
          outcome: 'error',
          errors: [{ field: null, code: 'imports.rowError.internal', params: { detail: 'no result' } }],
        },
      );
    } catch (error) {
      memory.rollback();
      results.push({
        outcome: 'error',
        errors: [{ field: null, code: 'imports.rowError.internal', params: { detail: errorDetail(error) } }],
      });
    }
  }
  return results;
}
