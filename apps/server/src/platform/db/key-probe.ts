import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';

/**
 * `id in (…rows whose key column equals one of keys…)`, planned as one index probe per key whatever
 * the table's statistics say. A plain `key = any($keys)` is planned from the statistics, and while
 * a large import is running they are stale (PGlite and a PostgreSQL without autovacuum never refresh
 * them): the planner, told the external ids are all null, scanned every org row of the partial index
 * and filtered — 80 ms per batch at 80,000 imported rows, and growing. The lateral subquery with
 * `offset 0` cannot be flattened into a join, so each key is one lookup of `(org_id, key)`.
 */
export function idsWithKeys(
  table: PgTable,
  columns: { id: AnyPgColumn; orgId: AnyPgColumn; key: AnyPgColumn },
  orgId: string,
  keys: readonly string[],
  liveOnly?: SQL,
): SQL {
  return sql`${columns.id} in (select probed.id from unnest(${sql.param([...new Set(keys)])}::text[]) as probe(key)
    cross join lateral (select ${columns.id} as id from ${table}
      where ${columns.orgId} = ${orgId} and ${columns.key} = probe.key${liveOnly ? sql` and ${liveOnly}` : sql``}
      offset 0) as probed)`;
}
