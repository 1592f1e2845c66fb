/**
 * Issue 13 speed: the nightly relationship-phase computation over the whole data set, and the
 * customer list filtered by phase (W1-style keyset page, in-process) as a salesperson and an admin.
 * On an existing data set (generate.ts); adds a purchase history once (set-based, idempotent):
 * every third live customer gets 1–8 confirmed orders over two years in the lifecycle's order record,
 * some steady, some lapsed (declining).
 *
 * `tsx bench/src/run-phases.ts --db URL | --pglite DIR [--iterations N]`
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { openStore } from '../../apps/server/src/server.js';
import type { Database } from '../../apps/server/src/platform/db/client.js';
import { queryRows } from '../../apps/server/src/platform/db/query.js';
import { computeRelationshipPhases } from '../../apps/server/src/modules/relationship/index.js';
import { listCustomers } from '../../apps/server/src/modules/customers/customers.list.js';
import { actorFor } from './actors.js';
import { TARGET_OPTIONS, configFor, ms, parseArgs, summarize, targetFrom, type Latency } from './common.js';

const log = (line: string) => console.log(line);

/** Adds the purchase history once: ≈ 1.5 M order records at 1 M customers. */
async function addHistory(database: Database): Promise<{ added: boolean; seconds: number; orders: number }> {
  const started = performance.now();
  const have = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from lifecycle_orders`);
  if ((have[0]?.n ?? 0) > 100_000) return { added: false, seconds: 0, orders: have[0]!.n };
  // One set-based insert of ≈ 1.5 M rows: longer than the server's statement timeout allows.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    await tx.execute(sql`
    insert into lifecycle_orders (org_id, order_id, customer_id, confirmed_at)
    select c.org_id, gen_random_uuid(), c.id,
           now() - make_interval(days => (c.start_day - k * c.every)::int)
      from (select org_id, id,
                   -- lapsed customers (every fourth of them) stopped buying 150–400 days ago
                   case when (hashtext(id::text) & 3) = 0 then 150 + (hashtext(id::text) & 255) else 0 end
                     + 20 + (abs(hashtext(id::text || 'd')) % 500) as start_day,
                   15 + abs(hashtext(id::text || 'e')) % 60 as every,
                   1 + abs(hashtext(id::text || 'n')) % 8 as n
              from customers where deleted_at is null and (hashtext(id::text) % 3) = 0) c
      cross join lateral generate_series(0, c.n - 1) k
     where c.start_day - k * c.every > 0`);
  });
  await database.db.execute(sql`analyze lifecycle_orders`);
  const count = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from lifecycle_orders`);
  return { added: true, seconds: (performance.now() - started) / 1000, orders: count[0]?.n ?? 0 };
}

async function timeList(fn: () => Promise<unknown>, iterations: number): Promise<Latency> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { ...TARGET_OPTIONS, iterations: { type: 'string' }, 'lists-only': { type: 'boolean' } },
  });
  const target = targetFrom(values);
  const iterations = Number(values.iterations ?? 30);
  const { database, release } = await openStore(configFor(target));
  try {
    const customers = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from customers where deleted_at is null`,
    );
    const history = await addHistory(database);
    log(
      `history: ${history.orders.toLocaleString('en')} order records${history.added ? ` added in ${history.seconds.toFixed(1)} s` : ''}`,
    );
    const runs: { label: string; seconds: number; customers: number }[] = [];
    const labels = values['lists-only'] ? [] : ['first run (every phase new)', 'second run (steady state)'];
    for (const label of labels) {
      const started = performance.now();
      const n = await computeRelationshipPhases(database.db, new Date());
      runs.push({ label, seconds: (performance.now() - started) / 1000, customers: n });
      log(`${label}: ${n.toLocaleString('en')} customers in ${runs.at(-1)!.seconds.toFixed(1)} s`);
    }
    const lists: { as: string; phase: string; latency: Latency }[] = [];
    for (const username of ['east.rep1', 'admin']) {
      const actor = await actorFor(database, username);
      for (const phase of ['decline', 'stability'] as const) {
        const latency = await timeList(
          () => listCustomers(database.db, actor, { relationshipPhase: phase, limit: 50 }),
          iterations,
        );
        lists.push({ as: username, phase, latency });
        log(`list ${phase} as ${username}: p50 ${ms(latency.p50)} p95 ${ms(latency.p95)}`);
      }
    }
    const phases = await queryRows<{ phase: string | null; n: number }>(
      database.db,
      sql`select relationship_phase as phase, count(*)::int as n from customers where deleted_at is null group by 1 order by 1`,
    );
    const report = [
      `## Relationship phases (issue 13) — ${target.kind}, ${customers[0]?.n.toLocaleString('en')} customers, ${new Date().toISOString().slice(0, 16)}`,
      '',
      `Machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; RSS after the runs ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB. Order records: ${history.orders.toLocaleString('en')}.`,
      '',
      '| nightly computation | customers | seconds | target |',
      '|---|---:|---:|---|',
      ...runs.map(
        (r) =>
          `| ${r.label} | ${r.customers.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ≤ 120 s (PostgreSQL, 1M) |`,
      ),
      '',
      `Phases: ${phases.map((p) => `${p.phase ?? 'none'} ${p.n.toLocaleString('en')}`).join(', ')}.`,
      '',
      '| customer list filtered by phase (first page of 50, in-process) | p50 | p95 | target |',
      '|---|---:|---:|---|',
      ...lists.map((l) => `| ${l.phase} as ${l.as} | ${ms(l.latency.p50)} | ${ms(l.latency.p95)} | p95 ≤ 15 ms |`),
      '',
    ].join('\n');
    writeFileSync(new URL(`../results-phases-${target.kind}.md`, import.meta.url), report);
    log(report);
  } finally {
    await database.close();
    release();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
