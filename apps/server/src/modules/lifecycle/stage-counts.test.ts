import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import type { Personas } from '../../test/personas.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 2 });

/** What the board must show: a group-by over the live customers themselves. */
const truth = async () =>
  queryRows<{ owner: string | null; stage: string; n: number }>(
    ctx.database.db,
    sql`select owner_id as owner, stage, count(*)::int as n from customers
         where org_id = ${p.orgId} and deleted_at is null group by 1, 2 order by 1, 2`,
  );
const counters = async () =>
  queryRows<{ owner: string | null; stage: string; n: number }>(
    ctx.database.db,
    sql`select nullif(owner_key, '00000000-0000-0000-0000-000000000000'::uuid) as owner, stage, count as n
          from customer_stage_counts where org_id = ${p.orgId} and count <> 0 order by 1, 2`,
  );
const boardCounts = async (persona: keyof Personas['clients']) => {
  const body = (await p.clients[persona].get('/api/v1/lifecycle/board')).json();
  return Object.fromEntries((body.stages as { stage: string; count: number }[]).map((s) => [s.stage, s.count]));
};

describe('stage counters behind the lifecycle board', () => {
  it('follow creates, stage moves, deletes, restores and ownership changes in the same transaction', async () => {
    const r1 = p.clients.r1;
    const created = (await r1.post('/api/v1/customers', { kind: 'company', name: '计数测试贸易有限公司' })).json();
    expect(
      (await r1.post(`/api/v1/customers/${created.id}/stage-transitions`, { to: 'interested', reason: '有意向' }))
        .statusCode,
    ).toBe(201);
    const target = p.customers.r2[0]!;
    expect((await p.clients.eastManager.delete(`/api/v1/customers/${target}`)).statusCode).toBe(204);
    expect(await counters()).toEqual(await truth());
    expect((await p.clients.eastManager.post(`/api/v1/customers/${target}/restore`, {})).statusCode).toBe(200);
    const returned = await r1.post(`/api/v1/customers/${p.customers.r1[0]}/return`, { reason: '无法联系' });
    expect(returned.statusCode).toBe(200);
    expect(await counters()).toEqual(await truth());
  });

  it('the board shows each persona the counts of its own scope', async () => {
    const mine = await queryRows<{ stage: string; n: number }>(
      ctx.database.db,
      sql`select stage, count(*)::int as n from customers
           where org_id = ${p.orgId} and owner_id = ${p.users.r1.id} and deleted_at is null group by 1`,
    );
    const board = await boardCounts('r1');
    for (const row of mine) expect(board[row.stage], row.stage).toBe(row.n);
    const everyone = await truth();
    const adminBoard = await boardCounts('admin');
    const total = everyone.reduce((sum, row) => sum + row.n, 0);
    expect(Object.values(adminBoard).reduce((sum, n) => sum + n, 0)).toBe(total);
  });
});
