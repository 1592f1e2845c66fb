import type { SQL } from 'drizzle-orm';
import type { Executor } from './client.js';

/**
 * Runs a hand-written (parameterized) statement and returns its rows. Both drivers answer with
 * an object carrying `rows`; drizzle types it per driver, so it is narrowed here once.
 */
export async function queryRows<T>(executor: Executor, statement: SQL): Promise<T[]> {
  const result = (await executor.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}
