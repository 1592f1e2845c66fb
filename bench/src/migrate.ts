/**
 * Brings an existing bench database up to the current schema (the app's own migrations, as
 * `openStore` runs them at every start) and records how long that took at its size:
 *
 *   tsx bench/src/migrate.ts --db postgres://postgres@127.0.0.1:5432/guanxi_bench
 *   tsx bench/src/migrate.ts --pglite /tmp/guanxi-bench-pglite
 *
 * Prints the migrations applied, the time, the load average, and checks the stage counters the
 * migration backfills against a group-by over customers.
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../apps/server/src/platform/db/client.js';
import { migrateDatabase } from '../../apps/server/src/platform/db/migrate.js';
import { queryRows } from '../../apps/server/src/platform/db/query.js';
import type { Database } from '../../apps/server/src/platform/db/client.js';
import { TARGET_OPTIONS, configFor, parseArgs, recordMigrationTime, targetFrom } from './common.js';
import path from 'node:path';

async function applied(database: Database): Promise<number> {
  try {
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    return Number(rows[0]?.n ?? 0);
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: TARGET_OPTIONS });
  const target = targetFrom(values);
  const config = configFor(target);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
    poolSize: config.pgPoolSize,
    // As the server migrates: on a connection without the request statement timeout (server.ts openStore).
    statementTimeoutMs: 0,
  });
  try {
    const customers = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from customers`).catch(
      () => [{ n: 0 }],
    );
    const before = await applied(database);
    const load = os.loadavg()[0]!.toFixed(2);
    const t = performance.now();
    await migrateDatabase(database);
    const seconds = Math.round((performance.now() - t) / 100) / 10;
    const after = await applied(database);
    console.log(
      `${target.kind}: ${after - before} migration(s) applied (${before} → ${after}) in ${seconds} s at ${Number(customers[0]?.n ?? 0).toLocaleString('en')} customers (load average ${load})`,
    );
    if (after > before) {
      recordMigrationTime({
        kind: target.kind,
        customers: Number(customers[0]?.n ?? 0),
        migrations: after - before,
        seconds,
        loadAverage: Number(load),
        at: new Date().toISOString(),
      });
    }
    // The counters the migration backfilled must equal a group-by over customers.
    const mismatches = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from (
            select org_id, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid) as owner_key, stage, count(*)::int as n
              from customers where deleted_at is null group by 1, 2, 3) g
            full join customer_stage_counts c using (org_id, owner_key, stage)
           where coalesce(g.n, 0) <> coalesce(c.count, 0)`,
    );
    console.log(
      `customer_stage_counts vs group-by over customers: ${mismatches[0]?.n ?? '?'} mismatching (org, owner, stage) rows`,
    );
    if (database.kind === 'pglite') await database.checkpoint();
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
