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
  const rows = await db
    .select({ found: sql<number>`1` })
    .from(table)
    .where(where)
    .limit(1);
  return rows.length > 0;
}

/** The condition for one record by its primary key (organization and id); other fields of `key` are ignored. */
export function byKey(table: PgTable & { orgId: PgColumn; id: PgColumn }, key: { orgId: string; id: string }): SQL {
  return and(eq(table.orgId, key.orgId), eq(table.id, key.id))!;
}

/** How many rows of the table match (an exact count, as `int`). */
export async function countRows(db: Executor, table: PgTable, where: SQL | undefined): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return rows[0]?.n ?? 0;
}

type ColumnName<T extends PgTable> = {
  [K in keyof T['_']['columns']]: T['_']['columns'][K] extends PgColumn ? K : never;
}[keyof T['_']['columns']] &
  string;

/**
 * The condition that each named column equals its value, for the reads and writes that find rows
 * by a key of several columns (organization, parent, user…). Name each column: passing a caller's
 * whole key object would turn any extra field it carries into a condition.
 *
 * @example columnsEqual(todos, { orgId: key.orgId, userId: key.userId })
 */
export function columnsEqual<T extends PgTable>(table: T, values: Partial<Record<ColumnName<T>, unknown>>): SQL {
  const columns = table as unknown as Record<string, PgColumn | undefined>;
  const conditions = Object.entries(values).map(([name, value]) => {
    const column = columns[name];
    // A key object with more fields than columns would otherwise narrow the read without a word.
    if (!column) throw new Error(`columnsEqual: no column ${name}`);
    return eq(column, value);
  });
  return and(...conditions)!;
}
