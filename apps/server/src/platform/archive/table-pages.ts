import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { queryRows } from '../db/query.js';
import type { ArchiveTable } from './archive-tables.js';

/** Rows per page read and per batch written. */
export const PAGE_SIZE = 1000;

/** Where the previous page ended: its last key (keyset), or how many rows were read (tables without a key). */
export type PagePosition = { after: string[] } | { offset: number } | null;

export interface TablePage {
  /** One JSON object per row, as the database rendered it. */
  lines: string[];
  next: PagePosition;
}

const column = (table: ArchiveTable, name: string): SQL =>
  table.textColumns.has(name) ? sql`${sql.identifier(name)} collate "C"` : sql`${sql.identifier(name)}`;

/**
 * The session settings every page is read under: timestamps rendered in UTC, so PGlite and
 * PostgreSQL (whose server time zone may be anything) write the same text.
 */
export async function useArchiveSession(tx: Executor): Promise<void> {
  await tx.execute(sql`select set_config('TimeZone', 'UTC', true), set_config('IntervalStyle', 'postgres', true)`);
}

/**
 * One page of an organization's rows in key order, rendered by the database (`row_to_json`) with
 * the columns in the table's archive order. Text keys compare by bytes so the order is the same on
 * every database; tables without a primary key (stage_move_daily, whose key has a nullable column)
 * are paged by offset over all their columns.
 */
export async function readTablePage(
  tx: Executor,
  options: { table: ArchiveTable; orgId: string; position: PagePosition; limit?: number },
): Promise<TablePage> {
  const { table, orgId, position } = options;
  const limit = options.limit ?? PAGE_SIZE;
  const order = sql.join(
    table.key.map((k) => sql`${column(table, k)} nulls first`),
    sql`, `,
  );
  const keyTuple = sql.join(
    table.key.map((k) => column(table, k)),
    sql`, `,
  );
  const after =
    position && 'after' in position
      ? sql`and (${keyTuple}) > (${sql.join(
          position.after.map((value) => sql`${value}`),
          sql`, `,
        )})`
      : sql``;
  const offset = position && 'offset' in position ? sql`offset ${position.offset}` : sql``;
  const selected = sql.join(
    table.columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const keyText = sql.join(
    table.key.map((k, i) => sql`x.${sql.identifier(k)}::text as ${sql.identifier(`k${i}`)}`),
    sql`, `,
  );
  const rows = await queryRows<Record<string, string>>(
    tx,
    sql`select row_to_json(x)::text as line, ${keyText}
          from (select ${selected} from ${sql.identifier(table.name)}
                 where ${sql.identifier(table.orgColumn)} = ${orgId} ${after}
                 order by ${order} limit ${limit} ${offset}) x`,
  );
  const lines = rows.map((r) => r.line!);
  if (rows.length < limit) return { lines, next: null };
  if (!table.hasPrimaryKey) {
    const read = position && 'offset' in position ? position.offset : 0;
    return { lines, next: { offset: read + rows.length } };
  }
  const last = rows[rows.length - 1]!;
  return { lines, next: { after: table.key.map((_, i) => last[`k${i}`]!) } };
}

const recordset = (table: ArchiveTable, lines: readonly string[]): SQL =>
  sql`json_populate_recordset(null::${sql.identifier(table.name)}, ${`[${lines.join(',')}]`}::json)`;

/**
 * Inserts a batch of archived rows as they are (the database parses each line into the table's
 * row type), leaving the self-referencing columns empty for the second pass. Rows of another
 * organization are not inserted: the caller compares the count.
 */
export async function insertTableRows(
  tx: Executor,
  options: { table: ArchiveTable; orgId: string; lines: readonly string[] },
): Promise<number> {
  const { table, orgId, lines } = options;
  const targets = sql.join(
    table.columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const values = sql.join(
    table.columns.map((c) => (table.selfReferences.includes(c) ? sql`null` : sql`r.${sql.identifier(c)}`)),
    sql`, `,
  );
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`with inserted as (
          insert into ${sql.identifier(table.name)} (${targets})
          select ${values} from ${recordset(table, lines)} r
           where r.${sql.identifier(table.orgColumn)} = ${orgId}
          returning 1)
        select count(*)::int as n from inserted`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Sets the batch's rows back to their archived values where they differ: the second pass of the
 * self-references, and the columns a BEFORE INSERT trigger fills from the current state
 * (stage_transitions.owner_key takes the customer's owner now, the archive holds the owner then).
 */
export async function restoreArchivedValues(
  tx: Executor,
  options: { table: ArchiveTable; lines: readonly string[] },
): Promise<void> {
  const { table, lines } = options;
  const others = table.columns.filter((c) => !table.key.includes(c));
  if (!table.hasPrimaryKey || others.length === 0) return;
  const list = (prefix: SQL) =>
    sql.join(
      others.map((c) => sql`${prefix}${sql.identifier(c)}`),
      sql`, `,
    );
  const matches = sql.join(
    table.key.map((k) => sql`t.${sql.identifier(k)} = r.${sql.identifier(k)}`),
    sql` and `,
  );
  await tx.execute(
    sql`update ${sql.identifier(table.name)} t set (${list(sql``)}) = row(${list(sql`r.`)})
          from ${recordset(table, lines)} r
         where ${matches} and row(${list(sql`t.`)}) is distinct from row(${list(sql`r.`)})`,
  );
}

/** Removes the organization's rows of one table (a counter's rows built while loading; a failed import). */
export async function deleteTableRows(tx: Executor, options: { table: ArchiveTable; orgId: string }): Promise<void> {
  await tx.execute(
    sql`delete from ${sql.identifier(options.table.name)} where ${sql.identifier(options.table.orgColumn)} = ${options.orgId}`,
  );
}

/** How many rows of the organization a table holds. */
export async function countTableRows(tx: Executor, options: { table: ArchiveTable; orgId: string }): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ${sql.identifier(options.table.name)}
         where ${sql.identifier(options.table.orgColumn)} = ${options.orgId}`,
  );
  return rows[0]?.n ?? 0;
}
