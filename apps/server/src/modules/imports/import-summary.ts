import type { ImportSummary, Locale } from '@guanxi/contract';
import { translate, type MessageKey } from '../../platform/i18n/index.js';
import type { ImportKind, ImportRowIssue, ImportRowResult } from './import-kind.js';

/** Row counts as stored on the job; reasons keyed by `code|field` with the first row's parameters. */
export interface StoredSummary {
  created: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  errors: number;
  /** Imported rows with a warning: a name similar to another customer's. Absent in older jobs. */
  similarNames?: number;
  reasons: Record<
    string,
    { code: string; field: string | null; count: number; params: Record<string, string | number> }
  >;
}

export const emptySummary = (): StoredSummary => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  duplicates: 0,
  errors: 0,
  similarNames: 0,
  reasons: {},
});

/** A row-issue code that warns (the row is imported) rather than refuses: `imports.<kind>.warning.*`. */
export const isWarningCode = (code: string): boolean => /^imports\.[a-z_]+\.warning\./.test(code);

/** Counts an imported row that carries warnings. */
export function addWarnedRow(summary: StoredSummary): void {
  summary.similarNames = (summary.similarNames ?? 0) + 1;
}

type Counts = Pick<StoredSummary, 'created' | 'updated' | 'unchanged' | 'duplicates' | 'errors'>;

const COUNTER: Record<ImportRowResult['outcome'], keyof Counts> = {
  created: 'created',
  updated: 'updated',
  unchanged: 'unchanged',
  duplicate: 'duplicates',
  error: 'errors',
};

export function addOutcome(summary: StoredSummary, batch: Counts, outcome: ImportRowResult['outcome']): void {
  summary[COUNTER[outcome]]++;
  batch[COUNTER[outcome]]++;
}

export function addReason(summary: StoredSummary, issue: ImportRowIssue): void {
  const key = `${issue.code}|${issue.field ?? ''}`;
  const reason = (summary.reasons[key] ??= {
    code: issue.code,
    field: issue.field,
    count: 0,
    params: { ...issue.params },
  });
  reason.count++;
}

/** A kind's field label in the reader's language; the key itself when unknown. */
export function fieldLabelOf(kind: ImportKind, field: string | null, locale: Locale): string {
  if (field === null) return translate(locale, 'imports.report.noField');
  const spec = kind.fields.find((candidate) => candidate.key === field);
  return spec ? safeTranslate(locale, spec.labelKey, {}) : field;
}

export function safeTranslate(locale: Locale, key: string, params: Record<string, string | number>): string {
  try {
    return translate(locale, key as MessageKey, params);
  } catch {
    return key;
  }
}

/** A row error's reason in the reader's language, its field named by its label. */
export function issueMessage(
  kind: ImportKind,
  issue: { code: string; field: string | null; params: Record<string, string | number> },
  locale: Locale,
): string {
  return safeTranslate(locale, issue.code, { ...issue.params, field: fieldLabelOf(kind, issue.field, locale) });
}

export function toImportSummary(kind: ImportKind, stored: StoredSummary | null, locale: Locale): ImportSummary | null {
  if (!stored) return null;
  const { reasons, ...counts } = stored;
  return {
    ...counts,
    similarNames: counts.similarNames ?? 0,
    reasons: Object.values(reasons)
      .sort((a, b) => b.count - a.count)
      .map((reason) => ({
        code: reason.code,
        message: issueMessage(kind, reason, locale),
        count: reason.count,
      })),
  };
}
