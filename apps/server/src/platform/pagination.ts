import { AppError } from './errors/app-error.js';
import { isStorableText } from './http/input-checks.js';

/** Keyset cursor: the last row's sort value and id, opaque to clients. */
export interface Cursor {
  value: string | number | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

/**
 * One page of a keyset list read with `limit + 1` rows: the extra row only says that more follow,
 * and the last row kept (its sort value and id) is where the next page starts. `idOf` names the
 * tie-breaking key when it is not the row's `id` (a row keyed by two ids).
 *
 * @example keysetPage(rows, { limit, sortValueOf: (row) => row.periodStart })
 */
export function keysetPage<Row extends { id: string }>(
  rows: readonly Row[],
  options: {
    limit: number;
    sortValueOf: (row: Row, index: number) => Cursor['value'];
    idOf?: (row: Row) => string;
  },
): { rows: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const hasMore = rows.length > options.limit && last !== undefined;
  if (!hasMore) return { rows: page, nextCursor: null };
  const id = options.idOf ? options.idOf(last) : last.id;
  return { rows: page, nextCursor: encodeCursor({ value: options.sortValueOf(last, page.length - 1), id }) };
}

/** PostgreSQL's text form of a timestamptz, as the repositories put it into cursors. */
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2}){0,2}|Z)?$/;

/**
 * The sort value a cursor must carry: a cursor is client input, and a bad value must be a 400, not a
 * database error. `date` is a calendar date (`YYYY-MM-DD`), `integer` a whole number (fen) as digits;
 * neither may be null, where a nullable timestamp or text column's cursor may.
 */
export type CursorValueKind = 'timestamp' | 'text' | 'date' | 'integer';

function isValidSortValue(value: unknown, kind: CursorValueKind): boolean {
  if (kind === 'date') return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (kind === 'integer') {
    return (typeof value === 'string' || typeof value === 'number') && /^-?\d{1,20}$/.test(String(value));
  }
  if (value === null) return true;
  if (kind === 'timestamp') return typeof value === 'string' && TIMESTAMP_TEXT.test(value);
  return typeof value === 'string' && isStorableText(value);
}

export function decodeCursor(raw: string | undefined, kind: CursorValueKind): Cursor | null {
  if (raw === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      isValidSortValue(parsed[0], kind) &&
      typeof parsed[1] === 'string' &&
      /^[0-9a-f-]{36}$/.test(parsed[1])
    ) {
      return { value: parsed[0] as Cursor['value'], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation', 'error.badCursor', { fields: [{ field: 'cursor', key: 'validation.invalid' }] });
}

/** Totals are exact up to this many rows and estimated above (bench W3). */
export const EXACT_TOTAL_LIMIT = 10_000;
