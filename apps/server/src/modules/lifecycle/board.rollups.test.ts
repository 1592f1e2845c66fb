import type { LifecycleBoard, Stage } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { DAY_MS, startOfLocalDay } from '../../platform/time/index.js';
import { createPersonas } from '../../test/personas.js';
import type { Client } from '../../test/test-app.js';
import { applyStageMove } from './stage-moves.js';
import { transitionsRepository } from './transitions.repository.js';
import { usePersonas } from '../../test/file-context.js';

const HOUR = 3_600_000;
const { ctx, p } = usePersonas({ customersEach: 0 });
/** A local midnight (org zone, Asia/Shanghai) 60 days ago: the timeline below starts there. */
let base: Date;
const at = (days: number, hours = 12) => new Date(base.getTime() + days * DAY_MS + hours * HOUR);

/** Creates a customer whose creation (entering prospect) is backdated to `created`. */
async function createCustomer(client: Client, name: string, created: Date): Promise<string> {
  const response = await client.post('/api/v1/customers', { kind: 'company', name });
  expect(response.statusCode).toBe(201);
  const id = (response.json() as { id: string }).id;
  const when = created.toISOString();
  await ctx.database.db.execute(
    sql`update customers set stage_entered_at = ${when}::timestamptz where org_id = ${client.user.orgId} and id = ${id}`,
  );
  await ctx.database.db.execute(
    sql`update stage_transitions set at = ${when}::timestamptz where org_id = ${client.user.orgId} and customer_id = ${id}`,
  );
  return id;
}

/** A move at a chosen time, through the one write path every manual and rule move takes. */
async function move(orgId: string, id: string, to: Stage, when: Date): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const customer = (await transitionsRepository.lockCustomer(tx, { orgId, id }))!;
    await applyStageMove(tx, {
      customer,
      to,
      at: when,
      actorId: null,
      ruleId: null,
      reason: 'test',
      approverId: null,
      triggeringEvent: null,
      triggeringEntityId: null,
      requestId: null,
      audit: { orgId, userId: null, ip: null, requestId: null },
    });
  });
}

const board = async (client: Client, from?: Date, to?: Date): Promise<LifecycleBoard> => {
  const query = from && to ? `?from=${from.toISOString()}&to=${to.toISOString()}` : '';
  const response = await client.get(`/api/v1/lifecycle/board${query}`);
  expect(response.statusCode).toBe(200);
  return response.json();
};
const stageRow = (body: LifecycleBoard, stage: string) => body.stages.find((s) => s.stage === stage)!;
const conversion = (body: LifecycleBoard, stage: string) => body.conversions.find((c) => c.stage === stage);

beforeAll(async () => {
  base = startOfLocalDay(new Date(Date.now() - 60 * DAY_MS), 'Asia/Shanghai');
  const { r1, r2 } = p.clients;
  // r1: a (stays 2 days in prospect, then 10 in interested), b (4 days), c (moves on day 40).
  const a = await createCustomer(r1, '甲贸易有限公司', at(0));
  const b = await createCustomer(r1, '乙贸易有限公司', at(0));
  const c = await createCustomer(r1, '丙贸易有限公司', at(0));
  const d = await createCustomer(r2, '丁贸易有限公司', at(0));
  await move(p.orgId, a, 'interested', at(2));
  await move(p.orgId, a, 'first_purchase', at(12));
  await move(p.orgId, b, 'interested', at(4));
  await move(p.orgId, c, 'interested', at(40));
  await move(p.orgId, d, 'interested', at(6));
});

describe('lifecycle board from rollups', () => {
  it('counts moves in and cohort conversion of the period, reached by now (also after the period)', async () => {
    const body = await board(p.clients.admin, base, new Date(base.getTime() + 20 * DAY_MS));
    expect(stageRow(body, 'prospect').entered).toBe(4);
    // a, b and d moved on within the period, c on day 40: all four reached a later stage by now.
    expect(conversion(body, 'prospect')).toEqual({ stage: 'prospect', entered: 4, converted: 4, rate: 1 });
    expect(conversion(body, 'interested')).toEqual({ stage: 'interested', entered: 3, converted: 1, rate: 0.33 });
    expect(conversion(body, 'first_purchase')).toEqual({
      stage: 'first_purchase',
      entered: 1,
      converted: 0,
      rate: 0,
    });
    const later = await board(
      p.clients.admin,
      new Date(base.getTime() + 40 * DAY_MS),
      new Date(base.getTime() + 41 * DAY_MS),
    );
    expect(conversion(later, 'prospect')).toEqual({ stage: 'prospect', entered: 0, converted: 0, rate: null });
    expect(conversion(later, 'interested')).toEqual({ stage: 'interested', entered: 1, converted: 0, rate: 0 });
  });

  it('takes whole local days: a move just before the period start is not counted', async () => {
    const body = await board(
      p.clients.admin,
      new Date(base.getTime() + 2 * DAY_MS + 13 * HOUR),
      new Date(base.getTime() + 20 * DAY_MS),
    );
    // Day 2 starts before `from`, so a's move at day 2 12:00 is left out with its whole day.
    expect(stageRow(body, 'interested').entered).toBe(2);
  });

  it('gives median and p90 dwell from the stays that ended in the period', async () => {
    const body = await board(p.clients.admin, base, new Date(base.getTime() + 20 * DAY_MS));
    expect(stageRow(body, 'prospect').medianDwellDays).toBe(4);
    expect(stageRow(body, 'prospect').p90DwellDays).toBe(5.6);
    expect(stageRow(body, 'interested').medianDwellDays).toBe(10);
    expect(stageRow(body, 'first_purchase').medianDwellDays).toBeNull();
  });

  it('shows a salesperson only the moves and stays of their own customers', async () => {
    const mine = await board(p.clients.r1, base, new Date(base.getTime() + 20 * DAY_MS));
    expect(stageRow(mine, 'prospect').entered).toBe(3);
    expect(conversion(mine, 'prospect')).toEqual({ stage: 'prospect', entered: 3, converted: 3, rate: 1 });
    expect(stageRow(mine, 'prospect').medianDwellDays).toBe(3);
    const theirs = await board(p.clients.r2, base, new Date(base.getTime() + 20 * DAY_MS));
    expect(conversion(theirs, 'prospect')).toEqual({ stage: 'prospect', entered: 1, converted: 1, rate: 1 });
    expect(conversion(theirs, 'interested')).toEqual({ stage: 'interested', entered: 1, converted: 0, rate: 0 });
    expect(stageRow(theirs, 'prospect').medianDwellDays).toBe(6);
  });

  it('counts stuck customers by owner, live, within scope', async () => {
    // b (r1) and d (r2) have been interested for over 30 days; c entered 20 days ago; a buys (90).
    const sortByOwner = (rows: LifecycleBoard['stuckByOwner']) =>
      [...rows].sort((x, y) => x.ownerId.localeCompare(y.ownerId));
    const admin = await board(p.clients.admin);
    expect(sortByOwner(admin.stuckByOwner)).toEqual(
      sortByOwner([
        { ownerId: p.users.r1.id, ownerName: p.users.r1.username, count: 1 },
        { ownerId: p.users.r2.id, ownerName: p.users.r2.username, count: 1 },
      ]),
    );
    expect(stageRow(admin, 'interested').stuck).toBe(2);
    const mine = await board(p.clients.r1);
    expect(mine.stuckByOwner).toEqual([{ ownerId: p.users.r1.id, ownerName: p.users.r1.username, count: 1 }]);
    expect(stageRow(mine, 'interested').stuck).toBe(1);
  });
});

describe('rollups behind the board', () => {
  it('equal a recomputation from the log and the customers after creates, moves, owner changes and deletes', async () => {
    const q = await createPersonas(ctx, { customersEach: 2 });
    const { admin, r1, eastManager } = q.clients;
    const x = (await r1.post('/api/v1/customers', { kind: 'company', name: '戊贸易有限公司' })).json().id as string;
    expect(
      (await r1.post(`/api/v1/customers/${x}/stage-transitions`, { to: 'interested', reason: '有意向' })).statusCode,
    ).toBe(201);
    expect(
      (await admin.post(`/api/v1/customers/${x}/transfer`, { userId: q.users.r2.id, keepAsTeamMember: false }))
        .statusCode,
    ).toBe(200);
    await move(q.orgId, x, 'first_purchase', new Date(Date.now() + HOUR));
    const pooled = q.customers.r3[0]!;
    expect((await q.clients.r3.post(`/api/v1/customers/${pooled}/return`, { reason: '无法联系' })).statusCode).toBe(
      200,
    );
    await move(q.orgId, pooled, 'interested', new Date(Date.now() + 2 * HOUR));
    const deleted = q.customers.r2[0]!;
    await move(q.orgId, deleted, 'interested', new Date(Date.now() + 3 * HOUR));
    expect((await eastManager.delete(`/api/v1/customers/${deleted}`)).statusCode).toBe(204);
    // Old stage entries, some of them stuck (prospect 15 days, interested 30).
    await ctx.database.db.execute(
      sql`update customers set stage_entered_at = now() - make_interval(days => 10 + 5 * (ascii(right(id::text, 1)) % 8))
           where org_id = ${q.orgId} and id <> ${x}`,
    );

    const rollup = await queryRows(
      ctx.database.db,
      sql`select owner_key::text, day::text, from_stage, to_stage, count::int as n from stage_move_daily
           where org_id = ${q.orgId} and count <> 0 order by 1, 2, 3, 4`,
    );
    const recomputed = await queryRows(
      ctx.database.db,
      sql`select owner_key::text, (at at time zone 'Asia/Shanghai')::date::text as day, from_stage, to_stage, count(*)::int as n
            from stage_transitions where org_id = ${q.orgId} group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    );
    expect(rollup.length).toBeGreaterThan(5);
    expect(rollup).toEqual(recomputed);

    const owners = await queryRows<{ to_stage: string; owner_key: string }>(
      ctx.database.db,
      sql`select to_stage, owner_key from stage_transitions where org_id = ${q.orgId} and customer_id = ${x} order by at, id`,
    );
    expect(owners.map((o) => o.owner_key)).toEqual([q.users.r1.id, q.users.r1.id, q.users.r2.id]);
    const poolMove = await queryRows<{ owner_key: string }>(
      ctx.database.db,
      sql`select owner_key from stage_transitions where org_id = ${q.orgId} and customer_id = ${pooled} and to_stage = 'interested'`,
    );
    expect(poolMove).toEqual([{ owner_key: '00000000-0000-0000-0000-000000000000' }]);

    const stayMismatches = await queryRows(
      ctx.database.db,
      sql`select id from (
            select id, previous_stay_seconds,
                   case when from_stage is not null then
                     round(extract(epoch from at - lag(at) over (partition by customer_id order by at, id)))::int end as expected
              from stage_transitions where org_id = ${q.orgId}) s
           where previous_stay_seconds is distinct from expected`,
    );
    expect(stayMismatches).toEqual([]);

    const stuck = await queryRows<{ ownerId: string; n: number }>(
      ctx.database.db,
      sql`select c.owner_id as "ownerId", count(*)::int as n
            from customers c join users u on u.org_id = c.org_id and u.id = c.owner_id
            join lifecycle_stages s on s.org_id = c.org_id and s.code = c.stage and s.active and s.expected_dwell_days is not null
           where c.org_id = ${q.orgId} and c.deleted_at is null
             and c.stage_entered_at < now() - make_interval(days => s.expected_dwell_days)
           group by 1`,
    );
    expect(stuck.length).toBeGreaterThan(0);
    const body = await board(admin);
    expect(Object.fromEntries(body.stuckByOwner.map((s) => [s.ownerId, s.count]))).toEqual(
      Object.fromEntries(stuck.map((s) => [s.ownerId, s.n])),
    );
  });
});
