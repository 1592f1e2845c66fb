import type { LifecycleBoard } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import type { Personas } from '../../test/personas.js';
import { DEFAULT_STAGES } from './index.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 2 });
type Persona = keyof Personas['users'];

beforeAll(async () => {
  // r1 and r2 each move one customer on after 10 and 20 days as prospects (creation backdated).
  for (const [persona, days] of [
    ['r1', 10],
    ['r2', 20],
  ] as const) {
    const id = p.customers[persona][0]!;
    await ctx.database.db.execute(
      sql`update stage_transitions set at = now() - make_interval(days => ${days}) where org_id = ${p.orgId} and customer_id = ${id}`,
    );
    const moved = await p.clients[persona].post(`/api/v1/customers/${id}/stage-transitions`, {
      to: 'interested',
      reason: '有采购意向',
    });
    expect(moved.statusCode).toBe(201);
  }
  // r3's second customer has been a prospect for 20 days: stuck (expected dwell 15).
  await ctx.database.db.execute(
    sql`update customers set stage_entered_at = now() - interval '20 days' where org_id = ${p.orgId} and id = ${p.customers.r3[1]!}`,
  );
});

const board = async (persona: Persona, query = ''): Promise<LifecycleBoard> => {
  const response = await p.clients[persona].get(`/api/v1/lifecycle/board${query}`);
  expect(response.statusCode).toBe(200);
  return response.json();
};
const stageRow = (body: LifecycleBoard, stage: string) => body.stages.find((s) => s.stage === stage)!;

/** Expected counts per stage, straight from SQL with the persona's scope written out by hand. */
async function expectedCounts(ownerCondition: ReturnType<typeof sql>) {
  const rows = await queryRows<{ stage: string; n: number }>(
    ctx.database.db,
    sql`select c.stage, count(*)::int as n from customers c left join users u on u.org_id = c.org_id and u.id = c.owner_id
         where c.org_id = ${p.orgId} and c.deleted_at is null and ${ownerCondition} group by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.stage, Number(r.n)]));
}

describe('lifecycle board', () => {
  it('counts customers per stage within each persona scope', async () => {
    const conditions: Partial<Record<Persona, ReturnType<typeof sql>>> = {
      admin: sql`true`,
      eastManager: sql`u.department_id = ${p.departments.east}`,
      r1: sql`c.owner_id = ${p.users.r1.id}`,
      r3: sql`c.owner_id = ${p.users.r3.id}`,
    };
    for (const [persona, condition] of Object.entries(conditions) as [Persona, ReturnType<typeof sql>][]) {
      const expected = await expectedCounts(condition);
      const body = await board(persona);
      const counted = Object.fromEntries(
        body.stages
          .filter((s: { count: number }) => s.count > 0)
          .map((s: { stage: string; count: number }) => [s.stage, s.count]),
      );
      expect(counted, persona).toEqual(expected);
    }
    expect(stageRow(await board('r1'), 'interested').count).toBe(1);
    expect(stageRow(await board('eastManager'), 'interested').count).toBe(2);
  });

  it('gives cohort conversion per stage and median / p90 dwell from the transition log', async () => {
    const manager = await board('eastManager');
    const prospect = stageRow(manager, 'prospect');
    expect(prospect.medianDwellDays).toBeCloseTo(15, 0);
    expect(prospect.p90DwellDays).toBeCloseTo(19, 0);
    // The department's six customers (the manager's, r1's and r2's) entered "prospect" in the last
    // 30 days; two have moved on.
    expect(manager.conversions).toContainEqual({ stage: 'prospect', entered: 6, converted: 2, rate: 0.33 });
    const mine = await board('r1');
    expect(stageRow(mine, 'prospect').medianDwellDays).toBeCloseTo(10, 0);
    expect(mine.conversions).toEqual([
      { stage: 'prospect', entered: 2, converted: 1, rate: 0.5 },
      { stage: 'interested', entered: 1, converted: 0, rate: 0 },
      { stage: 'first_purchase', entered: 0, converted: 0, rate: null },
    ]);
    expect(mine.backwardMoves).toEqual([]);
  });

  it('lists stuck customers by owner only within scope', async () => {
    expect((await board('head')).stuckByOwner).toEqual([
      { ownerId: p.users.r3.id, ownerName: p.users.r3.username, count: 1 },
    ]);
    expect(stageRow(await board('r3'), 'prospect').stuck).toBe(1);
    expect((await board('eastManager')).stuckByOwner).toEqual([]);
    expect((await board('r1')).stuckByOwner).toEqual([]);
  });

  it('a period with no moves has no conversion rates; a reversed period is rejected', async () => {
    const empty = await board('admin', '?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z');
    expect(empty.conversions.map((c) => c.rate)).toEqual([null, null, null]);
    expect(empty.backwardMoves).toEqual([]);
    expect(stageRow(empty, 'prospect').medianDwellDays).toBeNull();
    const reversed = await p.clients.admin.get(
      '/api/v1/lifecycle/board?from=2021-01-01T00:00:00Z&to=2020-01-01T00:00:00Z',
    );
    expect(reversed.statusCode).toBe(400);
  });

  it('needs lifecycle.view', async () => {
    expect((await p.clients.warehouse.get('/api/v1/lifecycle/board')).statusCode).toBe(403);
  });
});

describe('lifecycle settings', () => {
  it('a new organization starts with the default stages and the "anything → lost" approval rule', async () => {
    const stages = (await p.clients.r1.get('/api/v1/lifecycle/stages')).json().items;
    expect(stages).toEqual(DEFAULT_STAGES);
    expect((await p.clients.r1.get('/api/v1/lifecycle/approval-rules')).json().items).toEqual([
      { from: null, to: 'lost' },
    ]);
  });

  it('only an administrator changes stages, with every stage listed once', async () => {
    const changed = DEFAULT_STAGES.map((s) =>
      s.code === 'prospect' ? { ...s, expectedDwellDays: 7, nameEn: 'Suspect' } : s,
    );
    expect((await p.clients.eastManager.put('/api/v1/lifecycle/stages', { items: changed })).statusCode).toBe(403);
    const partial = await p.clients.admin.put('/api/v1/lifecycle/stages', { items: changed.slice(1) });
    expect(partial.statusCode).toBe(400);
    const saved = await p.clients.admin.put('/api/v1/lifecycle/stages', { items: changed });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().items[0]).toMatchObject({ code: 'prospect', expectedDwellDays: 7, nameEn: 'Suspect' });
  });

  it('without approval rules a salesperson marks a customer lost at once; an inactive stage cannot be entered', async () => {
    const put = (url: string, payload: object) => p.clients.admin.put(url, payload);
    expect((await put('/api/v1/lifecycle/approval-rules', { items: [{ from: 'lost', to: 'lost' }] })).statusCode).toBe(
      400,
    );
    expect((await put('/api/v1/lifecycle/approval-rules', { items: [] })).statusCode).toBe(200);
    const id = p.customers.r1[1]!;
    expect(
      (await p.clients.r1.post(`/api/v1/customers/${id}/stage-transitions`, { to: 'lost', reason: '不再经营' }))
        .statusCode,
    ).toBe(201);
    const stages = DEFAULT_STAGES.map((s) => (s.code === 'interested' ? { ...s, active: false } : s));
    expect((await put('/api/v1/lifecycle/stages', { items: stages })).statusCode).toBe(200);
    expect(
      (await p.clients.r1.post(`/api/v1/customers/${id}/stage-transitions`, { to: 'interested', reason: 'x' }))
        .statusCode,
    ).toBe(422);
    expect((await put('/api/v1/lifecycle/approval-rules', { items: [{ from: null, to: 'lost' }] })).statusCode).toBe(
      200,
    );
  });
});
