import { describe, expect, it } from 'vitest';
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
      new Set(['draft', 'submitted', 'confirmed', 'shipped', 'pending_approval']),
    );
    expect(orders.every((o) => /^DD\d{6}$/.test(o.orderNo))).toBe(true);
    for (const o of orders.filter((x) => x.status === 'confirmed' || x.status === 'shipped'))
      expect(['first_purchase', 'repeat']).toContain(o.customerStage);
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
});
