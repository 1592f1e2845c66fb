import type { Executor } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { ImportBatchContext, ImportRow, ImportRowIssue, ImportRowResult, ImportValue } from './import-kind.js';

/** Helpers the kinds of wt-importkinds share: typed values, row results, and all-or-nothing writes. */

export const textOf = (row: ImportRow, key: string): string | null => {
  const value = row.values[key];
  if (value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
};

export const numberOf = (row: ImportRow, key: string): number | null => {
  const value = row.values[key];
  return typeof value === 'number' ? value : null;
};

export const booleanOf = (row: ImportRow, key: string): boolean | null => {
  const value = row.values[key];
  return typeof value === 'boolean' ? value : null;
};

export const has = (row: ImportRow, key: string): boolean => row.values[key] !== undefined;

export const issue = (field: string | null, code: string, params?: Record<string, string | number>): ImportRowIssue =>
  params ? { field, code, params } : { field, code };

export const failed = (...errors: ImportRowIssue[]): ImportRowResult => ({ outcome: 'error', errors });

/**
 * A domain failure as row issues: each field error under the import's field name (`fieldOf` turns
 * the API's `lines.0.productId` into the row's `productCode`), a not-found into
 * `imports.rowError.notFound` on `notFoundField`, anything else under its own message key.
 * Other errors are bugs and propagate (the engine reports the row as internal).
 */
export function issuesOf(
  error: unknown,
  options: { fieldOf?: (apiField: string) => string | null; notFoundField?: string | null } = {},
): ImportRowIssue[] {
  if (!(error instanceof AppError)) throw error;
  const fieldOf = options.fieldOf ?? ((f: string) => f);
  if (error.code === 'not_found') return [issue(options.notFoundField ?? null, 'imports.rowError.notFound')];
  const fields = error.options.fields ?? [];
  if (fields.length > 0) return fields.map((f) => issue(fieldOf(f.field), f.key, f.params));
  return [issue(null, error.key, error.options.params)];
}

/**
 * Runs a write in a savepoint of the batch's transaction: a domain failure half-way rolls back
 * everything the write did (an order and its lines, the customer and products made for it) and
 * comes back as row issues; keys the write put into the file memory are taken out again, so later
 * rows do not find records that were never kept.
 */
export async function writeAtomically<T>(
  context: ImportBatchContext,
  work: (tx: Executor) => Promise<T>,
  options: Parameters<typeof issuesOf>[1] = {},
): Promise<{ ok: true; value: T } | { ok: false; issues: ImportRowIssue[] }> {
  const remembered = new Map(context.fileMemory);
  try {
    return { ok: true, value: await context.tx.transaction((savepoint) => work(savepoint)) };
  } catch (error) {
    const issues = issuesOf(error, options);
    context.fileMemory.clear();
    for (const [key, value] of remembered) context.fileMemory.set(key, value);
    return { ok: false, issues };
  }
}

/** Placeholder ids the dry run remembers for records it would create. */
export const plannedId = (key: string): string => `planned:${key}`;
export const isPlanned = (id: string): boolean => id.startsWith('planned:');

/** Whether an update would change anything: the mapped values against the record's current ones. */
export function differs(current: object, next: object): boolean {
  const before = current as Readonly<Record<string, unknown>>;
  return Object.entries(next).some(
    ([key, value]) => JSON.stringify(before[key] ?? null) !== JSON.stringify(value ?? null),
  );
}

export type { ImportValue };
