import { getTableColumns, getTableName, sql, type InferInsertModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

/**
 * Many new rows in one statement whose one parameter is the rows as JSON, expanded by the database
 * into the table's row type. A multi-row VALUES list costs a bound parameter per cell, which
 * drizzle builds and the database parses one by one: for an import batch of customers that was
 * half the insert's time. Values must be plain data (no SQL expressions); a column some rows leave
 * out and that has a default would get null instead, so such rows go as VALUES.
 */
export async function insertRowsAsJson<T extends PgTable>(
  db: Executor,
  table: T,
  rows: readonly InferInsertModel<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const cells = rows as readonly Record<string, unknown>[];
  const keys = Object.keys(columns).filter((key) => cells.some((row) => row[key] !== undefined));
  if (keys.some((key) => columns[key]!.hasDefault && cells.some((row) => row[key] === undefined))) {
    await db.insert(table).values([...rows]);
    return;
  }
  const json = JSON.stringify(
    cells.map((row) => Object.fromEntries(keys.map((key) => [columns[key]!.name, row[key] ?? null]))),
  );
  const names = sql.join(
    keys.map((key) => sql.identifier(columns[key]!.name)),
    sql`, `,
  );
  const name = sql.identifier(getTableName(table));
  await db.execute(
    sql`insert into ${name} (${names}) select ${names} from json_populate_recordset(null::${name}, ${json}::json)`,
  );
}
