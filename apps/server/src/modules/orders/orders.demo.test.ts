import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { DEMO_PASSWORD, seedDemoOrganization } from '../../test/demo-organization.js';
import { useTestContext } from '../../test/file-context.js';

const ctx = useTestContext();

describe('demo orders', () => {
  it('seeds orders in every state for the reps, stock reserved and stages moved, and credit limits for finance', async () => {
    await seedDemoOrganization(ctx.database.db, { customerCount: 40 });
    const finance = await ctx.login('finance', DEMO_PASSWORD);
    const orders = (await finance.get('/api/v1/orders?limit=200')).json().items as {
      id: string;
      status: string;
      customerStage: string;
      orderNo: string;
    }[];
    expect(new Set(orders.map((o) => o.status))).toEqual(
      new Set(['draft', 'submitted', 'confirmed', 'shipped', 'pending_approval', 'completed']),
    );
    expect(orders.every((o) => /^DD\d{6}$/.test(o.orderNo))).toBe(true);
    for (const o of orders.filter((x) => x.status === 'confirmed' || x.status === 'shipped'))
      expect(['first_purchase', 'repeat', 'lost']).toContain(o.customerStage);
    const report = (await finance.get('/api/v1/reports/credit')).json().items as { limitFen: number | null }[];
    expect(report.filter((r) => r.limitFen !== null)).toHaveLength(2);
    // The order below price authority waits for the rep's manager.
    const pending = orders.filter((o) => o.status === 'pending_approval');
    expect(pending).toHaveLength(1);
    const detail = (await finance.get(`/api/v1/orders/${pending[0]!.id}`)).json();
    expect(detail.approvals).toEqual([
      expect.objectContaining({ businessType: 'price_below_authority', status: 'pending' }),
    ]);
  });

  it('every customer in a buying stage has the orders and payments that put it there, logged as stage moves', async () => {
    const rows = await queryRows<{
      stage: string;
      occasions: number;
      lastDays: number | null;
      paid: number;
      moves: number;
    }>(
      ctx.database.db,
      sql`select c.stage,
                 (select count(distinct (o.confirmed_at at time zone 'Asia/Shanghai')::date)::int from orders o
                   where o.customer_id = c.id and o.status in ('confirmed', 'shipped', 'completed')) as occasions,
                 (select extract(day from now() - max(o.confirmed_at))::int from orders o
                   where o.customer_id = c.id and o.status in ('confirmed', 'shipped', 'completed')) as "lastDays",
                 (select count(*)::int from payments p where p.customer_id = c.id) as paid,
                 (select count(*)::int from stage_transitions t where t.customer_id = c.id) as moves
            from customers c join organizations g on g.id = c.org_id
           where g.code = 'demo' and c.deleted_at is null`,
    );
    const buyers = rows.filter((r) => ['first_purchase', 'repeat', 'lost'].includes(r.stage));
    expect(buyers.length).toBeGreaterThan(5);
    for (const buyer of buyers) {
      expect(buyer.occasions, buyer.stage).toBeGreaterThanOrEqual(1);
      expect(buyer.moves).toBeGreaterThanOrEqual(1);
      if (buyer.stage === 'lost') expect(buyer.lastDays).toBeGreaterThan(365);
      else expect(buyer.lastDays).toBeLessThanOrEqual(365);
    }
    expect(buyers.filter((b) => b.stage === 'repeat').every((b) => b.occasions >= 2)).toBe(true);
    expect(buyers.filter((b) => b.paid > 0).length).toBeGreaterThan(buyers.length / 2);
    const phases = await queryRows<{ phase: string }>(
      ctx.database.db,
      sql`select distinct relationship_phase as phase from customers where relationship_phase is not null`,
    );
    expect(phases.map((p) => p.phase)).toEqual(expect.arrayContaining(['exploration', 'formation', 'decline']));
  });
});
