import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * Tables whose upkeep steers the hot queries: list filters, search, the duplicate check's bigram
 * probe (pg_stats.most_common_elems of customers.name_bigrams), the board's counters and
 * rollups (index-only scans need an up-to-date visibility map), the follow-up timelines, and the
 * money tables: orders and their lines, payments and installments (credit, ageing, profit), stock
 * levels (updated by every reservation) and the nightly customer-value snapshot, which the pyramid
 * read planned badly while it had never been analyzed (bench/results-orders.md).
 */
const VACUUM_STATEMENTS = [
  sql`vacuum (analyze) customers`,
  sql`vacuum (analyze) contacts`,
  sql`vacuum (analyze) leads`,
  sql`vacuum (analyze) stage_transitions`,
  sql`vacuum (analyze) customer_stage_counts`,
  sql`vacuum (analyze) stage_move_daily`,
  sql`vacuum (analyze) follow_ups`,
  sql`vacuum (analyze) orders`,
  sql`vacuum (analyze) order_lines`,
  sql`vacuum (analyze) payments`,
  sql`vacuum (analyze) payment_plans`,
  sql`vacuum (analyze) stock_levels`,
  sql`vacuum (analyze) customer_values`,
];

/**
 * VACUUM (ANALYZE) of the busy tables. PGlite has no autovacuum: without this, a table that grew
 * by an import keeps the statistics of its empty days (the planner picks sequential scans), and
 * counter rows updated by every insert pile up dead versions that each read must skip. On
 * PostgreSQL autovacuum does the same; running it nightly as well costs seconds.
 * Each statement runs on its own (VACUUM cannot run inside a transaction).
 */
export async function analyzeBusinessTables(db: Db): Promise<number> {
  for (const statement of VACUUM_STATEMENTS) await db.execute(statement);
  return VACUUM_STATEMENTS.length;
}
