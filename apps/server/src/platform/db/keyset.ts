import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Cursor } from '../pagination.js';

/** How a cursor's sort value is cast to compare with its column (a fixed list, never client text). */
const CASTS = {
  timestamptz: sql`::timestamptz`,
  date: sql`::date`,
  bigint: sql`::bigint`,
  text: sql``,
} as const;

/**
 * The keyset condition of a page after `cursor`: rows whose (sort value, id) come after the
 * cursor's in the list's order — below it when the list runs newest (largest) first.
 *
 * @example keysetAfter({ sort: contacts.updatedAt, id: contacts.id, cursor, cast: 'timestamptz', descending: true })
 */
export function keysetAfter(options: {
  sort: SQLWrapper;
  id: SQLWrapper;
  cursor: Cursor;
  cast: keyof typeof CASTS;
  descending: boolean;
  /** The sort value as sent, when the column wants it converted first (a number for bigint). */
  value?: unknown;
}): SQL {
  const { sort, id, cursor } = options;
  const value = 'value' in options ? options.value : cursor.value;
  const after = sql`(${value}${CASTS[options.cast]}, ${cursor.id}::uuid)`;
  return options.descending ? sql`(${sort}, ${id}) < ${after}` : sql`(${sort}, ${id}) > ${after}`;
}

/**
 * Rows read with their sort value (`sortValue`, for the next page's cursor) split into the rows as
 * the API maps them and the sort values, index for index.
 */
export function splitSortValues<R extends { sortValue: V }, V>(
  rows: readonly R[],
): { rows: Omit<R, 'sortValue'>[]; sortValues: R['sortValue'][] } {
  return {
    rows: rows.map(({ sortValue: _, ...rest }) => rest),
    sortValues: rows.map((row) => row.sortValue),
  };
}
