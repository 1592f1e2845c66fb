import { sql, type SQL } from 'drizzle-orm';

/**
 * A timestamp column as the API sends it: ISO 8601 in UTC. Raw SQL rows carry timestamps as text
 * (PGlite and node-postgres differ), drizzle rows as `Date`; both come out the same.
 */
export function iso(value: Date | string): string;
export function iso(value: Date | string | null | undefined): string | null;
export function iso(value: Date | string | null | undefined): string | null {
  return value === null || value === undefined ? null : new Date(value).toISOString();
}

/**
 * An instant as a `timestamptz` parameter of raw SQL: sent as ISO text and cast, so it compares as
 * an instant on PGlite and PostgreSQL alike whatever the driver does with a bare `Date`.
 */
export const timestamptz = (value: Date): SQL => sql`${value.toISOString()}::timestamptz`;

/**
 * The values that soft-delete a row, stamped by the database clock so the time agrees with the
 * transaction's other `now()` stamps. Typed as a `Date` because that is what an update's values
 * want for the column; drizzle sends the SQL as is.
 */
export const softDeletedBy = (userId: string): { deletedAt: Date; deletedBy: string } => ({
  deletedAt: sql`now()` as unknown as Date,
  deletedBy: userId,
});
