import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import type { Client } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';
import { lossReasonId } from './opportunities.fixtures.js';
import { DEFAULT_TIME_ZONE, localDateOf } from '../../platform/time/index.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

let n = 0;
async function openAndClose(
  client: Client,
  options: { customerId: string; amountFen: number; outcome: 'won' | 'lost'; body?: Record<string, unknown> },
) {
  const created = await client.post('/api/v1/opportunities', {
    customerId: options.customerId,
    name: `输单分析${n++}`,
    amountFen: options.amountFen,
  });
  expect(created.statusCode, created.body).toBe(201);
  const closed = await client.post(`/api/v1/opportunities/${created.json().id}/${options.outcome}`, options.body ?? {});
  expect(closed.statusCode, closed.body).toBe(200);
  return closed.json();
}

interface Row {
  id: string | null;
  count: number;
  amountFen: number;
}
// The organization's calendar day (Asia/Shanghai): the report and the list filter by it, and from
// 16:00 UTC on it is already tomorrow there.
const today = localDateOf(new Date(), DEFAULT_TIME_ZONE);
const period = `from=2020-01-01&to=${today.slice(0, 4)}-12-31`;

describe('loss report', () => {
  it('sums losses by reason and by competitor as the rows say, within each reader scope', async () => {
    const price = await lossReasonId(p.clients.r1);
    const toCompetitor = await lossReasonId(p.clients.r1, { requiresCompetitor: true });
    const rival = (await p.clients.admin.post('/api/v1/competitors', { name: '销售易' })).json().id;
    const [c1, c2, c3] = [p.customers.r1[0]!, p.customers.r2[0]!, p.customers.r3[0]!];
    await openAndClose(p.clients.r1, {
      customerId: c1,
      amountFen: 100_001,
      outcome: 'lost',
      body: { lossReasonId: price },
    });
    const lostToRival = { lossReasonId: toCompetitor, competitorId: rival };
    await openAndClose(p.clients.r1, { customerId: c1, amountFen: 200_002, outcome: 'lost', body: lostToRival });
    await openAndClose(p.clients.r2, { customerId: c2, amountFen: 300_003, outcome: 'lost', body: lostToRival });
    await openAndClose(p.clients.r3, {
      customerId: c3,
      amountFen: 400_004,
      outcome: 'lost',
      body: { lossReasonId: price },
    });
    const won = await openAndClose(p.clients.r1, { customerId: c1, amountFen: 500_005, outcome: 'won' });
    await p.clients.r1.put(`/api/v1/opportunities/${won.id}/competitors`, { items: [{ competitorId: rival }] });
    // A loss recorded before reasons existed: no reason, no competitor.
    const old = await openAndClose(p.clients.r1, {
      customerId: c1,
      amountFen: 600_006,
      outcome: 'lost',
      body: { lossReasonId: price },
    });
    await ctx.database.db.execute(sql`update opportunities set loss_reason_id = null where id = ${old.id}`);

    const expected = async (column: 'loss_reason_id' | 'lost_to_competitor_id', ownerIds: string[] | null) =>
      queryRows<Row>(
        ctx.database.db,
        sql`select ${column === 'loss_reason_id' ? sql`loss_reason_id` : sql`lost_to_competitor_id`} as id, count(*)::int as count, sum(amount_fen)::text as "amountFen"
            from opportunities where org_id = ${p.orgId} and status = 'lost' and deleted_at is null
            and ${
              ownerIds === null
                ? sql`true`
                : sql`owner_id in (${sql.join(
                    ownerIds.map((id) => sql`${id}`),
                    sql`, `,
                  )})`
            }
            group by 1`,
      );
    const sorted = (rows: Row[]) =>
      rows
        .map((r) => ({ id: r.id, count: r.count, amountFen: Number(r.amountFen) }))
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));

    for (const [client, owners] of [
      [p.clients.admin, null],
      [p.clients.r1, [p.users.r1.id]],
      [p.clients.eastManager, [p.users.r1.id, p.users.r2.id, p.users.eastManager.id]],
    ] as const) {
      const response = await client.get(`/api/v1/opportunities/loss-report?${period}`);
      expect(response.statusCode, response.body).toBe(200);
      const report = response.json();
      expect(sorted(report.byReason)).toEqual(sorted(await expected('loss_reason_id', owners as string[] | null)));
      expect(sorted(report.byCompetitor)).toEqual(
        sorted(await expected('lost_to_competitor_id', owners as string[] | null)),
      );
    }
    const mine = (await p.clients.r1.get(`/api/v1/opportunities/loss-report?${period}`)).json();
    expect(mine.total).toEqual({ count: 3, amountFen: 900_009 });
    expect(mine.byReason.find((r: Row) => r.id === null)).toMatchObject({ name: null, count: 1, amountFen: 600_006 });
    expect(mine.winRates).toEqual([{ competitorId: rival, name: '销售易', won: 1, lost: 1 }]);
    const all = (await p.clients.admin.get(`/api/v1/opportunities/loss-report?${period}`)).json();
    expect(all.winRates).toEqual([{ competitorId: rival, name: '销售易', won: 1, lost: 2 }]);

    // The click-through: the list filtered the same way shows the same rows.
    const byRival = await p.clients.r1.get(
      `/api/v1/opportunities?status=lost&lostToCompetitorId=${rival}&closedFrom=2020-01-01&closedTo=${today}`,
    );
    expect(byRival.json().items.map((o: { amountFen: number }) => o.amountFen)).toEqual([200_002]);
    const noReason = await p.clients.r1.get('/api/v1/opportunities?lossReasonId=none');
    expect(noReason.json().items.map((o: { id: string }) => o.id)).toEqual([old.id]);
    const future = await p.clients.admin.get('/api/v1/opportunities/loss-report?from=2099-01-01&to=2099-01-31');
    expect(future.json()).toMatchObject({ total: { count: 0, amountFen: 0 }, byReason: [], winRates: [] });
  });

  it('refuses a period that ends before it starts, and a bad filter value', async () => {
    const response = await p.clients.r1.get('/api/v1/opportunities/loss-report?from=2026-02-01&to=2026-01-01');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('to');
    expect((await p.clients.r1.get('/api/v1/opportunities/loss-report')).statusCode).toBe(400);
    expect((await p.clients.r1.get('/api/v1/opportunities?lossReasonId=other')).statusCode).toBe(400);
  });
});
