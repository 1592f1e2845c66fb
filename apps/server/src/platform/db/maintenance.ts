import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * Tables whose statistics steer the hot queries: list filters, search, the duplicate check's
 * bigram probe (pg_stats.most_common_elems of customers.name_bigrams) and the board rollups.
 */
const ANALYZE_STATEMENTS = [sql`analyze customers`, sql`analyze contacts`, sql`analyze leads`, sql`analyze stage_transitions`];

/**
 * Refreshes planner statistics. PGlite has no autovacuum, so without this a table that grew by
 * an import keeps the statistics of its empty days and the planner picks sequential scans.
 * On PostgreSQL autovacuum does the same; running it nightly as well costs seconds.
 */
export async function analyzeBusinessTables(db: Db): Promise<number> {
  for (const statement of ANALYZE_STATEMENTS) await db.execute(statement);
  return ANALYZE_STATEMENTS.length;
}
