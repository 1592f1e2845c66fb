import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customerValues, financeSettings } from '../../platform/db/schema/index.js';
import { computeCustomerValues } from './customer-value.job.js';
import { insertOrder, insertProduct, seedValueScenario } from './customer-value.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 3 });
let c: string[];
/** 10:00 on 1 July in Shanghai: the snapshot covers 2025-07-01 … 2026-06-30. */
const NIGHT = new Date('2026-07-01T02:00:00Z');

beforeAll(async () => {
  c = await seedValueScenario(ctx.database.db, p);
});

const snapshotOf = async (orgId: string) =>
  ctx.database.db
    .select()
    .from(customerValues)
    .where(eq(customerValues.orgId, orgId))
    .orderBy(customerValues.profitRank);

describe('nightly customer value job', () => {
  it('before the first run the pyramid is empty and says it was never computed', async () => {
    const pyramid = (await p.clients.finance.get('/api/v1/reports/customer-pyramid')).json();
    expect(pyramid).toMatchObject({
      computedAt: null,
      period: null,
      bounds: { platinumPct: 5, goldPct: 20, abcAPct: 80, abcBPct: 95 },
    });
    expect(pyramid.tiers.map((t: { count: number }) => t.count)).toEqual([0, 0, 0, 0]);
  });

  it('ranks by profit into platinum / gold / iron / lead and classes A / B / C by revenue share', async () => {
    expect(await computeCustomerValues(ctx.database.db, NIGHT, p.orgId)).toBe(12);
    const rows = await snapshotOf(p.orgId);
    expect(rows.map((row) => row.customerId)).toEqual(c);
    expect(rows[0]).toMatchObject({
      periodStart: '2025-07-01',
      periodEnd: '2026-06-30',
      revenueFen: 100_000,
      costFen: 40_000,
      expensesFen: 5_000,
      profitFen: 55_000,
      profitRank: 1,
    });
    // 10 profitable: ceil(10 × 5 %) = 1 platinum, ceil(10 × 20 %) = 2 → one gold; unprofitable → lead.
    expect(rows.map((row) => row.pyramidTier)).toEqual([
      'platinum',
      'gold',
      'iron',
      'iron',
      'iron',
      'iron',
      'iron',
      'iron',
      'iron',
      'iron',
      'lead',
      'lead',
    ]);
    // Revenue 555,000: c0 … c4 make 400,000 (72 %) before c5, which crosses 80 % and is still A;
    // c6 starts at 81 %, c9 at 97.3 %; c11 has no revenue.
    expect(rows.map((row) => row.abcClass)).toEqual(['A', 'A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'C']);
  });

  it('is idempotent: a second run writes the same rows', async () => {
    const first = await snapshotOf(p.orgId);
    expect(await computeCustomerValues(ctx.database.db, NIGHT, p.orgId)).toBe(12);
    expect(await snapshotOf(p.orgId)).toEqual(first);
  });

  it('uses the bounds of the finance settings', async () => {
    await ctx.database.db
      .insert(financeSettings)
      .values({ orgId: p.orgId, pyramidPlatinumPct: 20, pyramidGoldPct: 50, abcAPct: 50, abcBPct: 70 });
    try {
      await computeCustomerValues(ctx.database.db, NIGHT, p.orgId);
      const rows = await snapshotOf(p.orgId);
      expect(rows.map((row) => row.pyramidTier)).toEqual([
        'platinum',
        'platinum',
        'gold',
        'gold',
        'gold',
        'iron',
        'iron',
        'iron',
        'iron',
        'iron',
        'lead',
        'lead',
      ]);
      // Before c3 48.6 % of 555,000 (A, it crosses 50 %), before c4 61.3 % (B), before c5 72 % (C).
      expect(rows.map((row) => row.abcClass)).toEqual(['A', 'A', 'A', 'A', 'B', 'C', 'C', 'C', 'C', 'C', 'C', 'C']);
      const pyramid = (await p.clients.finance.get('/api/v1/reports/customer-pyramid')).json();
      expect(pyramid.bounds).toEqual({ platinumPct: 20, goldPct: 50, abcAPct: 50, abcBPct: 70 });
    } finally {
      await ctx.database.db.delete(financeSettings).where(eq(financeSettings.orgId, p.orgId));
      await computeCustomerValues(ctx.database.db, NIGHT, p.orgId);
    }
  });

  it('a run for one organization leaves the snapshot of another untouched', async () => {
    const other = await ctx.createOrg();
    const seller = await ctx.createUser({ orgId: other.orgId, roleIds: [other.roleIds.admin!] });
    const client = await ctx.login(seller);
    const customerId = (await client.post('/api/v1/customers', { kind: 'company', name: '别家公司' })).json()
      .id as string;
    const productId = await insertProduct(ctx.database.db, other.orgId);
    await insertOrder(ctx.database.db, {
      orgId: other.orgId,
      customerId,
      ownerId: seller.id,
      productId,
      lines: [{ quantity: 1, unitPriceFen: 1_000, unitCostFen: 100 }],
    });
    const earlier = new Date('2026-06-01T02:00:00Z');
    await computeCustomerValues(ctx.database.db, earlier, other.orgId);
    await computeCustomerValues(ctx.database.db, NIGHT, p.orgId);
    const theirs = await snapshotOf(other.orgId);
    expect(theirs).toEqual([
      expect.objectContaining({
        customerId,
        profitFen: 900,
        pyramidTier: 'platinum',
        abcClass: 'A',
        periodEnd: '2026-05-31',
      }),
    ]);
    expect(theirs[0]!.computedAt.toISOString()).toBe(earlier.toISOString());
    // Their customer never shows in this organization's pyramid.
    const pyramid = (await p.clients.finance.get('/api/v1/reports/customer-pyramid')).json();
    expect(pyramid.tiers.reduce((sum: number, t: { count: number }) => sum + t.count, 0)).toBe(12);
  });
});

describe('customer pyramid report', () => {
  it('shows counts, revenue, profit and revenue share per tier and ABC class, with the period and time computed', async () => {
    await computeCustomerValues(ctx.database.db, NIGHT, p.orgId);
    const response = await p.clients.finance.get('/api/v1/reports/customer-pyramid');
    expect(response.statusCode, response.body).toBe(200);
    const pyramid = response.json();
    expect(pyramid).toMatchObject({
      computedAt: NIGHT.toISOString(),
      period: { from: '2025-07-01', to: '2026-06-30' },
      currency: 'CNY',
    });
    expect(pyramid.tiers).toEqual([
      { tier: 'platinum', count: 1, revenueFen: 100_000, profitFen: 55_000, revenueSharePct: 18 },
      { tier: 'gold', count: 1, revenueFen: 90_000, profitFen: 54_000, revenueSharePct: 16.2 },
      { tier: 'iron', count: 8, revenueFen: 360_000, profitFen: 216_000, revenueSharePct: 64.9 },
      { tier: 'lead', count: 2, revenueFen: 5_000, profitFen: -8_000, revenueSharePct: 0.9 },
    ]);
    expect(pyramid.abc).toEqual([
      { abcClass: 'A', count: 6, revenueFen: 450_000, revenueSharePct: 81.1 },
      { abcClass: 'B', count: 3, revenueFen: 90_000, revenueSharePct: 16.2 },
      { abcClass: 'C', count: 3, revenueFen: 15_000, revenueSharePct: 2.7 },
    ]);
  });

  it("a sales manager's pyramid holds only the department's customers; salespeople are refused", async () => {
    const pyramid = (await p.clients.eastManager.get('/api/v1/reports/customer-pyramid')).json();
    // East: c0 (platinum), c2, c4, c6, c7 (iron), c10, c11 (lead).
    expect(pyramid.tiers.map((t: { count: number }) => t.count)).toEqual([1, 0, 4, 2]);
    expect(pyramid.abc.map((a: { count: number }) => a.count)).toEqual([3, 2, 2]);
    expect((await p.clients.r1.get('/api/v1/reports/customer-pyramid')).statusCode).toBe(403);
  });

  it('each tier and class lists its customers, most profitable first, as many as the chart counts', async () => {
    interface Member {
      customerId: string;
      tier: string;
      abcClass: string;
      profitFen: number;
      profitRank: number;
    }
    const membersOf = async (client: typeof p.clients.finance, filter: string) => {
      const members: Member[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Member[]; nextCursor: string | null } = (
          await client.get(
            `/api/v1/reports/customer-pyramid/customers?${filter}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          )
        ).json();
        members.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return members;
    };
    for (const client of [p.clients.finance, p.clients.eastManager]) {
      const pyramid = (await client.get('/api/v1/reports/customer-pyramid')).json();
      for (const { tier, count } of pyramid.tiers as { tier: string; count: number }[]) {
        const members = await membersOf(client, `pyramidTier=${tier}`);
        expect(members.length, tier).toBe(count);
        expect(members.every((m) => m.tier === tier)).toBe(true);
        const profits = members.map((m) => m.profitFen);
        expect(profits).toEqual([...profits].sort((a, b) => b - a));
      }
      for (const { abcClass, count } of pyramid.abc as { abcClass: string; count: number }[]) {
        const members = await membersOf(client, `abcClass=${abcClass}`);
        expect(members.length, abcClass).toBe(count);
        expect(members.every((m) => m.abcClass === abcClass)).toBe(true);
      }
    }
    const platinum = await membersOf(p.clients.finance, 'pyramidTier=platinum');
    expect(platinum).toEqual([expect.objectContaining({ customerId: c[0], profitRank: 1, profitFen: 55_000 })]);
    const bad = await p.clients.finance.get('/api/v1/reports/customer-pyramid/customers?pyramidTier=diamond');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['pyramidTier']);
    expect((await p.clients.r1.get('/api/v1/reports/customer-pyramid/customers?pyramidTier=iron')).statusCode).toBe(
      403,
    );
  });

  it("the customer page shows the customer's tier, ABC class and rank from the snapshot", async () => {
    const value = (await p.clients.r1.get(`/api/v1/customers/${c[0]}/value`)).json();
    expect(value.snapshot).toEqual({
      tier: 'platinum',
      abcClass: 'A',
      profitRank: 1,
      period: { from: '2025-07-01', to: '2026-06-30' },
      computedAt: NIGHT.toISOString(),
      // One order confirmed on 10 March: 113 days before 1 July (scores: customer-value.rfm.test.ts).
      rfm: expect.objectContaining({ recencyDays: 113, frequency: 1, monetaryFen: 100_000 }),
    });
  });

  it('the next period shows tier movement since the previous computation, and how many customers are not ranked', async () => {
    const before = (await p.clients.finance.get('/api/v1/reports/customer-pyramid')).json();
    expect(before.customersInScope).toBe(15);
    expect(before.movement).toEqual({ up: 0, down: 0, same: 0, entered: 12 });
    // c11 (lead, no revenue) places a large order in July: first by profit in the August computation.
    const previous = new Map((await snapshotOf(p.orgId)).map((r) => [r.customerId, r.pyramidTier]));
    const productId = await insertProduct(ctx.database.db, p.orgId);
    await insertOrder(ctx.database.db, {
      orgId: p.orgId,
      customerId: c[11]!,
      ownerId: p.users.r2.id,
      productId,
      confirmedAt: '2026-07-15T04:00:00Z',
      lines: [{ quantity: 1, unitPriceFen: 1_000_000, unitCostFen: 0 }],
    });
    await computeCustomerValues(ctx.database.db, new Date('2026-08-01T02:00:00Z'), p.orgId);
    const rows = await snapshotOf(p.orgId);
    const rank = { platinum: 4, gold: 3, iron: 2, lead: 1 } as Record<string, number>;
    const c11 = rows.find((r) => r.customerId === c[11])!;
    expect(c11.previousTier).toBe(previous.get(c[11]!));
    expect(rank[c11.pyramidTier]!).toBeGreaterThan(rank[c11.previousTier!]!);
    const after = (await p.clients.finance.get('/api/v1/reports/customer-pyramid')).json();
    const moved = rows.filter((r) => r.previousTier !== null);
    expect(after.movement).toEqual({
      up: moved.filter((r) => rank[r.pyramidTier]! > rank[r.previousTier!]!).length,
      down: moved.filter((r) => rank[r.pyramidTier]! < rank[r.previousTier!]!).length,
      same: moved.filter((r) => r.pyramidTier === r.previousTier).length,
      entered: rows.length - moved.length,
    });
    expect(after.movement.up).toBeGreaterThanOrEqual(1);
    expect(after.movement.down).toBeGreaterThanOrEqual(1);
    expect(after.customersInScope - after.tiers.reduce((n: number, t: { count: number }) => n + t.count, 0)).toBe(
      15 - rows.length,
    );
  });

  it('an administrator can run the job now through the jobs API', async () => {
    const run = await p.clients.admin.post('/api/v1/jobs/customerValue.compute/run', {});
    expect(run.statusCode, run.body).toBe(200);
    const pyramid = (await p.clients.finance.get('/api/v1/reports/customer-pyramid')).json();
    expect(new Date(pyramid.computedAt).getTime()).toBeGreaterThan(NIGHT.getTime());
    expect((await p.clients.finance.post('/api/v1/jobs/customerValue.compute/run', {})).statusCode).toBe(403);
  });
});
