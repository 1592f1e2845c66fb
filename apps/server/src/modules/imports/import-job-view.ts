import type {
  ImportColumn,
  ImportJob,
  ImportKindName,
  ImportMapping,
  ImportSource,
  ImportStatus,
  Locale,
} from '@guanxi/contract';
import { translate, type MessageKey } from '../../platform/i18n/index.js';
import type { ImportKind } from './import-kind.js';
import { toImportSummary, type StoredSummary } from './import-summary.js';
import type { ImportJobRow } from './imports.repository.js';

/** What the job keeps besides its columns: the suggestion shown until a mapping is saved. */
export interface ImportJobState {
  suggestedMapping?: ImportMapping;
}

const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());

/** Rows per second since the phase (re)started, and the time left at that rate. */
function progressOf(row: ImportJobRow, now: Date) {
  const active = row.status === 'checking' || row.status === 'running';
  const started = row.phaseStartedAt ? new Date(row.phaseStartedAt).getTime() : null;
  const elapsed = started === null ? 0 : (now.getTime() - started) / 1000;
  const doneSinceStart = row.rowsDone - row.phaseStartRows;
  const rate = active && elapsed > 0 && doneSinceStart > 0 ? Math.round((doneSinceStart / elapsed) * 10) / 10 : null;
  const secondsLeft = rate ? Math.ceil(Math.max(0, row.rowCount - row.rowsDone) / rate) : null;
  return { total: row.rowCount, done: Math.min(row.rowsDone, row.rowCount), rate, secondsLeft };
}

export function toImportJob(row: ImportJobRow, kind: ImportKind, locale: Locale, now = new Date()): ImportJob {
  const state = row.state as ImportJobState;
  const saved = row.mapping as ImportMapping | null;
  return {
    id: row.id,
    kind: row.kind as ImportKindName,
    status: row.status as ImportStatus,
    fileName: row.fileName,
    fileSize: row.fileSize,
    source: row.source as ImportSource,
    sheets: row.sheets,
    // Jobs uploaded before distinct values were kept offer their samples instead.
    columns: (row.columns as (Omit<ImportColumn, 'values'> & { values?: string[] })[]).map((column) => ({
      ...column,
      values: column.values ?? column.samples,
    })),
    mapping: saved ??
      state.suggestedMapping ?? {
        columns: {},
        constants: {},
        valueMaps: {},
        dateOrder: 'ymd',
        duplicatePolicy: 'skip',
        owner: { mode: 'fixed', userId: row.createdBy },
      },
    mappingSaved: saved !== null,
    progress: progressOf(row, now),
    checkSummary: toImportSummary(kind, row.checkSummary as StoredSummary | null, locale),
    runSummary: toImportSummary(kind, row.runSummary as StoredSummary | null, locale),
    failure: row.failureCode
      ? translate(locale, row.failureCode as MessageKey, { detail: row.failureDetail ?? '' })
      : null,
    createdBy: { id: row.createdBy, name: row.createdByName },
    createdAt: iso(row.createdAt)!,
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}
