import { AppError } from './errors/app-error.js';

/** Keyset cursor: the last row's sort value and id, opaque to clients. */
export interface Cursor {
  value: string | number | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (raw === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number' || parsed[0] === null) &&
      typeof parsed[1] === 'string' &&
      /^[0-9a-f-]{36}$/.test(parsed[1])
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation', 'error.badCursor', { fields: [{ field: 'cursor', key: 'validation.invalid' }] });
}

/** Totals are exact up to this many rows and estimated above (bench W3). */
export const EXACT_TOTAL_LIMIT = 10_000;
