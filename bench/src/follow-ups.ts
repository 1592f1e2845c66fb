/**
 * Issue 4 data: follow-ups for W5 (a timeline of 10,000 follow-ups) and W13 (mixed load), in SQL
 * and idempotently:
 *
 * - one live customer of `east.rep1` (the first by customer number) gets 10,000 follow-ups by
 *   east.rep1 spread over five years — the W5 timeline;
 * - every other live customer with an owner gets follow-ups by its owner until the table holds
 *   `--follow-ups N` rows (default 10 per live customer: ≈ 9.5M at 1M customers), written in
 *   batches of customers so no statement runs for minutes.
 *
 * `tsx bench/src/follow-ups.ts --db URL | --pglite DIR [--follow-ups N]`.
 */
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from '../../apps/server/src/platform/db/client.js';
import { queryRows } from '../../apps/server/src/platform/db/query.js';
import { TARGET_OPTIONS, parseArgs, parseCount, targetFrom } from './common.js';
import { withDemoStore } from './demo-store.js';

export const TIMELINE_FOLLOW_UPS = 10_000;
const BATCH_CUSTOMERS = 20_000;
const CONTENTS = [
  '电话沟通，客户关注价格和交期',
  '上门拜访，演示新产品',
  '微信发送报价单',
  '客户询问售后政策',
  '约定下周到厂参观',
];
const TYPES = ['call', 'visit', 'wechat', 'email', 'meeting'];

export interface FollowUpSupplement {
  timelineCustomerId: string;
  added: number;
  total: number;
  seconds: number;
}

async function unbounded(database: Database, statement: ReturnType<typeof sql>): Promise<number> {
  return database.db.transaction(async (tx) => {
    if (database.kind === 'postgres') await tx.execute(sql`set local statement_timeout = 0`);
    const result = (await tx.execute(statement)) as unknown as { rowCount?: number | null; affectedRows?: number };
    return Number(result.rowCount ?? result.affectedRows ?? 0);
  });
}

const pickText = (list: string[], key: ReturnType<typeof sql>) =>
  sql`(array[${sql.join(
    list.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[])[1 + (${key}) % ${list.length}]`;

export async function supplementFollowUps(
  database: Database,
  orgId: string,
  options: { total: number | null; log: (line: string) => void },
): Promise<FollowUpSupplement> {
  const started = performance.now();
  const [timeline] = await queryRows<{ id: string; ownerId: string }>(
    database.db,
    sql`select c.id, c.owner_id as "ownerId" from customers c join users u on u.org_id = c.org_id and u.id = c.owner_id
         where c.org_id = ${orgId} and u.username = 'east.rep1' and c.deleted_at is null order by c.customer_no limit 1`,
  );
  if (!timeline) throw new Error('east.rep1 owns no customer');
  let added = 0;
  const [heavy] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from follow_ups where org_id = ${orgId} and customer_id = ${timeline.id}`,
  );
  if ((heavy?.n ?? 0) < TIMELINE_FOLLOW_UPS) {
    added += await unbounded(
      database,
      sql`insert into follow_ups (org_id, id, customer_id, type, content, occurred_at, author_id, created_at, updated_at)
          select ${orgId}, gen_random_uuid(), ${timeline.id}, ${pickText(TYPES, sql`g`)}, ${pickText(CONTENTS, sql`g`)},
                 now() - make_interval(mins => g * 263), ${timeline.ownerId}, now() - make_interval(mins => g * 263), now() - make_interval(mins => g * 263)
            from generate_series(1, ${TIMELINE_FOLLOW_UPS - (heavy?.n ?? 0)}) g`,
    );
  }

  const [live] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from customers where org_id = ${orgId} and deleted_at is null and owner_id is not null`,
  );
  const target = options.total ?? (live?.n ?? 0) * 10;
  const [existing] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from follow_ups where org_id = ${orgId}`,
  );
  let total = existing?.n ?? 0;
  const perCustomer = Math.max(1, Math.ceil((target - total) / Math.max(1, live?.n ?? 1)));
  let afterNo = '';
  while (total < target) {
    const t = performance.now();
    const rows = await unbounded(
      database,
      sql`insert into follow_ups (org_id, id, customer_id, type, content, occurred_at, author_id, created_at, updated_at)
          select c.org_id, gen_random_uuid(), c.id, ${pickText(TYPES, sql`abs(hashtext(c.id::text)) + g`)},
                 ${pickText(CONTENTS, sql`abs(hashtext(c.id::text)) + g`)},
                 c.created_at + (now() - c.created_at) * (g::float / (${perCustomer} + 1)), c.owner_id, c.created_at, c.created_at
            from (select org_id, id, owner_id, created_at from customers
                   where org_id = ${orgId} and deleted_at is null and owner_id is not null and customer_no > ${afterNo} and id <> ${timeline.id}
                   order by customer_no limit ${BATCH_CUSTOMERS}) c
            cross join generate_series(1, ${perCustomer}) g`,
    );
    if (rows === 0) break;
    const [last] = await queryRows<{ no: string }>(
      database.db,
      sql`select customer_no as no from customers where org_id = ${orgId} and deleted_at is null and owner_id is not null and customer_no > ${afterNo}
           order by customer_no offset ${BATCH_CUSTOMERS - 1} limit 1`,
    );
    added += rows;
    total += rows;
    options.log(
      `  follow-ups: ${total.toLocaleString('en')} / ${target.toLocaleString('en')} (${Math.round(rows / ((performance.now() - t) / 1000)).toLocaleString('en')} rows/s)`,
    );
    if (!last) break;
    afterNo = last.no;
  }
  if (added > 0) await database.db.execute(sql`analyze follow_ups`);
  return { timelineCustomerId: timeline.id, added, total, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { ...TARGET_OPTIONS, 'follow-ups': { type: 'string' } } });
  const total = values['follow-ups'] === undefined ? null : parseCount(String(values['follow-ups']), 0);
  await withDemoStore(targetFrom(values), async (database, orgId) => {
    const result = await supplementFollowUps(database, orgId, { total, log: (line) => console.log(line) });
    console.log(
      `follow-ups: ${result.added.toLocaleString('en')} added, ${result.total.toLocaleString('en')} in all, ${result.seconds.toFixed(1)} s`,
    );
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
