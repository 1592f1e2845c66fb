import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

/**
 * The first row a read answers, or null: how a repository answers "get one" (an id not found, or
 * outside the caller's scope, is null and becomes a 404 in the service).
 *
 * @example return firstRow(db.select(row).from(tasks).where(and(visible(actor), eq(tasks.id, id))));
 */
export async function firstRow<R>(rows: PromiseLike<R[]>): Promise<R | null> {
  return (await rows)[0] ?? null;
}

/** Whether any row of the table matches: one probe, stopping at the first hit. */
export async function hasRow(db: Executor, table: PgTable, where: SQL | undefined): Promise<boolean> {
  const rows = await db.select({ found: sql<number>`1` }).from(table).where(where).limit(1);
  return rows.length > 0;
}

type ColumnName<T extends PgTable> = {
  [K in keyof T['_']['columns']]: T['_']['columns'][K] extends PgColumn ? K : never;
}[keyof T['_']['columns']] &
  string;

/**
 * The condition that each named column equals its value, for the reads and writes that find rows
 * by a key of several columns (organization, parent, user…).
 *
 * @example columnsEqual(todos, { orgId: key.orgId, userId: key.userId })
 */
export function columnsEqual<T extends PgTable>(
  table: T,
  values: Partial<Record<ColumnName<T>, unknown>>,
): SQL {
  const columns = table as unknown as Record<string, PgColumn>;
  return and(...Object.entries(values).map(([name, value]) => eq(columns[name]!, value)))!;
}
