import type { LifecycleBoard, LifecycleCurrentStays } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 0 });

/** A new customer whose current stage (prospect) was entered `days` ago, creation log row included. */
async function prospectSince(client: Client, name: string, days: number): Promise<string> {
  const response = await client.post('/api/v1/customers', { kind: 'company', name });
  expect(response.statusCode).toBe(201);
  const id = (response.json() as { id: string }).id;
  const when = sql`now() - make_interval(days => ${days})`;
  await ctx.database.db.execute(
    sql`update customers set stage_entered_at = ${when} where org_id = ${client.user.orgId} and id = ${id}`,
  );
  await ctx.database.db.execute(
    sql`update stage_transitions set at = ${when} where org_id = ${client.user.orgId} and customer_id = ${id}`,
  );
  return id;
}

const board = async (client: Client): Promise<LifecycleBoard> => {
  const response = await client.get('/api/v1/lifecycle/board');
  expect(response.statusCode).toBe(200);
  return response.json();
};
const current = async (client: Client): Promise<LifecycleCurrentStays> => {
  const response = await client.get('/api/v1/lifecycle/board/current-stays');
  expect(response.statusCode).toBe(200);
  return response.json();
};
const stageOf = (body: LifecycleBoard, stage: string) => body.stages.find((s) => s.stage === stage)!;
const staysOf = (body: LifecycleCurrentStays, stage: string) => body.stages.find((s) => s.stage === stage)!;

beforeAll(async () => {
  // r1: five prospects sitting 10, 20, 30, 40 and 50 days.
  for (const days of [10, 20, 30, 40, 50]) await prospectSince(p.clients.r1, `一号客户${days}`, days);
  // r2: prospects of 4 and 8 days, and one that left prospect today after 12 days (an ended stay).
  await prospectSince(p.clients.r2, '二号客户甲', 4);
  await prospectSince(p.clients.r2, '二号客户乙', 8);
  const moved = await prospectSince(p.clients.r2, '二号客户丙', 12);
  const response = await p.clients.r2.post(`/api/v1/customers/${moved}/stage-transitions`, {
    to: 'interested',
    reason: '有采购意向',
  });
  expect(response.statusCode).toBe(201);
});

describe('lifecycle board: dwell of current stays', () => {
  it('gives the median and p90 of the stays still open, computed by hand', async () => {
    // r1 alone: 10, 20, 30, 40, 50 → median 30; p90 at rank 0.9 × 4 = 3.6 → 40 + 0.6 × 10 = 46.
    const prospect = stageOf(await board(p.clients.r1), 'prospect');
    expect(prospect.count).toBe(5);
    const stays = staysOf(await current(p.clients.r1), 'prospect');
    expect(stays.customers).toBe(5);
    expect(stays.medianDays).toBeCloseTo(30, 1);
    expect(stays.p90Days).toBeCloseTo(46, 1);
    expect(prospect.endedStays).toBe(0);
    expect(prospect.medianDwellDays).toBeNull();
  });

  it('shows open stays even where no stay ended in the period (no more 0.0 days)', async () => {
    // The manager sees r1 and r2: 4, 8, 10, 20, 30, 40, 50 → median 20; p90 at 5.4 → 40 + 0.4 × 10 = 44.
    const prospect = stageOf(await board(p.clients.eastManager), 'prospect');
    const stays = await current(p.clients.eastManager);
    expect(staysOf(stays, 'prospect').medianDays).toBeCloseTo(20, 1);
    expect(staysOf(stays, 'prospect').p90Days).toBeCloseTo(44, 1);
    // The one ended stay: r2's customer, 12 days a prospect.
    expect(prospect.endedStays).toBe(1);
    expect(prospect.medianDwellDays).toBeCloseTo(12, 1);
    // The moved customer has just entered interested.
    expect(staysOf(stays, 'interested').medianDays).toBeCloseTo(0, 1);
    expect(staysOf(await current(p.clients.r3), 'prospect')).toMatchObject({ customers: 0, medianDays: null });
  });

  it('splits both kinds of stay per owner and stage, within the reader’s scope', async () => {
    const rows = (await board(p.clients.eastManager)).dwellByOwner;
    const openRows = (await current(p.clients.eastManager)).byOwner;
    const r2Prospect = rows.find((r) => r.ownerId === p.users.r2.id && r.stage === 'prospect')!;
    const r2Open = openRows.find((r) => r.ownerId === p.users.r2.id && r.stage === 'prospect')!;
    // 4 and 8 → median 6; p90 at 0.9 → 4 + 0.9 × 4 = 7.6.
    expect(r2Open).toMatchObject({ ownerName: p.users.r2.username, customers: 2 });
    expect(r2Prospect).toMatchObject({ ownerName: p.users.r2.username, endedStays: 1 });
    expect(r2Open.medianDays).toBeCloseTo(6, 1);
    expect(r2Open.p90Days).toBeCloseTo(7.6, 1);
    expect(r2Prospect.medianDwellDays).toBeCloseTo(12, 1);
    expect(r2Prospect.p90DwellDays).toBeCloseTo(12, 1);
    const r1Open = openRows.find((r) => r.ownerId === p.users.r1.id && r.stage === 'prospect')!;
    expect(r1Open).toMatchObject({ customers: 5 });
    expect(rows.find((r) => r.ownerId === p.users.r1.id && r.stage === 'prospect')).toBeUndefined();
    expect(r1Open.medianDays).toBeCloseTo(30, 1);
    // A salesperson sees only their own row(s).
    const own = (await current(p.clients.r1)).byOwner;
    expect(new Set(own.map((r) => r.ownerId))).toEqual(new Set([p.users.r1.id]));
  });
});
