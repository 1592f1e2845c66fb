/**
 * Brings a bench data set generated before issue 3 (contacts, lifecycle, pools) up to what the
 * new workloads read, inside the database and idempotently:
 *
 * - built-in roles are synced with today's templates, as a server start would (an organization
 *   created earlier keeps its old lists: without this, W4's contacts and stage transitions and
 *   W9's board answer 403 in the in-process floor, which runs before the server starts);
 * - stage transitions: one "created" row per customer (→ prospect at creation) and, for
 *   customers past prospect, one move to the current stage at `stage_entered_at` — the log the
 *   lifecycle engine would have written (board W9 reads it for moves and dwell, W4 per customer);
 * - contacts: two or three for each of the first 500 live customers of `east.rep1` (W4).
 *
 * `run.ts` calls it on every run; alone: `tsx bench/src/supplement.ts --db URL | --pglite DIR`.
 */
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { TARGET_OPTIONS, parseArgs, targetFrom } from './common.js';
import { withDemoStore } from './demo-store.js';
import type { Database } from '../../apps/server/src/platform/db/client.js';
import { queryRows } from '../../apps/server/src/platform/db/query.js';
import { syncBuiltInRoles } from '../../apps/server/src/modules/org/index.js';

export interface SupplementResult {
  rolesUpdated: string[];
  transitionsAdded: number;
  contactsAdded: number;
  seconds: number;
}

/** Runs `statement` without the pool's statement timeout (one short-lived transaction). */
async function unbounded(database: Database, statement: ReturnType<typeof sql>): Promise<number> {
  return database.db.transaction(async (tx) => {
    if (database.kind === 'postgres') await tx.execute(sql`set local statement_timeout = 0`);
    const result = (await tx.execute(statement)) as unknown as { rowCount?: number | null; affectedRows?: number };
    return Number(result.rowCount ?? result.affectedRows ?? 0);
  });
}

export async function supplementIssue3(
  database: Database,
  orgId: string,
  log: (line: string) => void,
): Promise<SupplementResult> {
  const started = performance.now();
  // The in-process floor runs before any server start, so the built-in roles get this release's
  // permissions the way a server start would give them (an older data set lacks newer ones).
  const rolesUpdated = (await syncBuiltInRoles(database.db))
    .filter((change) => change.orgId === orgId)
    .map((change) => `${change.code} +${change.added.length}`);
  if (rolesUpdated.length) log(`  roles brought to today's templates: ${rolesUpdated.join(', ')}`);

  let transitionsAdded = 0;
  const anyTransition = await queryRows<{ one: number }>(
    database.db,
    sql`select 1 as one from stage_transitions where org_id = ${orgId} limit 1`,
  );
  if (anyTransition.length === 0) {
    const t = performance.now();
    transitionsAdded = await unbounded(
      database,
      sql`insert into stage_transitions (org_id, id, customer_id, from_stage, to_stage, at, actor_id, triggering_event)
          select c.org_id, gen_random_uuid(), c.id, null::varchar, 'prospect'::varchar, c.created_at, null::uuid, 'customer.created'::varchar
            from customers c where c.org_id = ${orgId}
          union all
          select c.org_id, gen_random_uuid(), c.id, 'prospect', c.stage, greatest(c.stage_entered_at, c.created_at + interval '1 second'), null::uuid, null::varchar
            from customers c where c.org_id = ${orgId} and c.stage <> 'prospect'`,
    );
    await database.db.execute(sql`analyze stage_transitions`);
    log(
      `  stage transitions: ${transitionsAdded.toLocaleString('en')} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }

  let contactsAdded = 0;
  const anyContact = await queryRows<{ one: number }>(
    database.db,
    sql`select 1 as one from contacts where org_id = ${orgId} limit 1`,
  );
  if (anyContact.length === 0) {
    contactsAdded = await unbounded(
      database,
      sql`insert into contacts (org_id, id, customer_id, name, title, mobile, is_primary, created_at, updated_at)
          select c.org_id, gen_random_uuid(), c.id, (array['王伟', '李娜', '张敏'])[k], (array['采购经理', '总经理', '财务'])[k],
                 '139' || lpad((abs(hashtext(c.id::text || k::text)) % 100000000)::text, 8, '0'), k = 1, c.created_at, c.created_at
            from (select cu.org_id, cu.id, cu.created_at, cu.customer_no
                    from customers cu join users u on u.org_id = cu.org_id and u.id = cu.owner_id and u.username = 'east.rep1'
                   where cu.org_id = ${orgId} and cu.deleted_at is null
                   order by cu.customer_no limit 500) c
            cross join generate_series(1, 3) k
           where k <= 2 + (abs(hashtext(c.id::text)) % 2)`,
    );
    await database.db.execute(sql`analyze contacts`);
    log(`  contacts: ${contactsAdded.toLocaleString('en')} rows for 500 customers of east.rep1`);
  }
  // Every customer insert of a bulk load updates a counter row: without a vacuum the few counter
  // rows sit among a million dead versions and the board's counts read all of them (PGlite has no
  // autovacuum; on PostgreSQL this is what autovacuum would do shortly after the load).
  await database.db.execute(sql`vacuum analyze customer_stage_counts`);
  await database.db.execute(sql`vacuum analyze stage_move_daily`);
  // The board's dwell reads the log from an index alone only where the visibility map is set.
  await database.db.execute(sql`vacuum analyze stage_transitions`);
  return { rolesUpdated, transitionsAdded, contactsAdded, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: TARGET_OPTIONS });
  await withDemoStore(targetFrom(values), async (database, orgId) => {
    const result = await supplementIssue3(database, orgId, (line) => console.log(line));
    console.log(`done in ${result.seconds.toFixed(1)} s`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
