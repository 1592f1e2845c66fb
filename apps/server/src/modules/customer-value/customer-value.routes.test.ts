import { beforeAll, describe, expect, it } from 'vitest';
import { seedValueScenario } from './customer-value.fixtures.js';
import { trailingYear } from './value-period.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 3 });
let c: string[];
const PERIOD = 'from=2026-01-01&to=2026-06-30';

beforeAll(async () => {
  c = await seedValueScenario(ctx.database.db, p);
});

interface Row {
  customerId: string;
  rank: number;
  profitFen: number;
}

/** The first customer's figures for the period: one order, its cost and one expense. */
const FIRST_CUSTOMER_FIGURES = {
  ordersCount: 1,
  revenueFen: 100_000,
  costFen: 40_000,
  grossProfitFen: 60_000,
  expensesFen: 5_000,
  profitFen: 55_000,
  marginPct: 55,
};

describe('profit contribution report', () => {
  it('is Σ (price − cost) × qty − approved expenses per customer, ranked by profit, with a totals row', async () => {
    const response = await p.clients.finance.get(`/api/v1/reports/profit-contribution?${PERIOD}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json();
    expect(page.period).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(page.currency).toBe('CNY');
    expect(page.items.map((row: Row) => row.customerId)).toEqual(c);
    expect(page.items.map((row: Row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(page.items[0]).toMatchObject({
      customerId: c[0],
      ownerId: p.users.r1.id,
      ownerName: p.users.r1.username,
      ...FIRST_CUSTOMER_FIGURES,
    });
    // The order confirmed at 2025-12-31 17:00 UTC is on 1 January in Shanghai: inside the period.
    expect(page.items[1]).toMatchObject({ ordersCount: 2, revenueFen: 90_000, costFen: 36_000, profitFen: 54_000 });
    expect(page.items[10]).toMatchObject({
      customerId: c[10],
      revenueFen: 5_000,
      costFen: 8_000,
      profitFen: -3_000,
      marginPct: -60,
    });
    expect(page.items[11]).toMatchObject({
      customerId: c[11],
      ordersCount: 0,
      revenueFen: 0,
      expensesFen: 5_000,
      profitFen: -5_000,
      marginPct: null,
    });
    expect(page.total).toBe(12);
    expect(page.totals).toEqual({
      customers: 12,
      ordersCount: 12,
      revenueFen: 555_000,
      costFen: 228_000,
      grossProfitFen: 327_000,
      expensesFen: 10_000,
      profitFen: 317_000,
      marginPct: 57.1,
    });
  });

  it('leaves out drafts, submitted, cancelled and other-currency orders, and everything outside the period', async () => {
    const june = (
      await p.clients.finance.get('/api/v1/reports/profit-contribution?from=2026-06-30&to=2026-07-01')
    ).json();
    // Only the order confirmed on 1 July local time and the expenses of 30 June / 1 July remain.
    expect(june.items.map((row: Row) => [row.customerId, row.profitFen])).toEqual([
      [c[5], 8_999_999],
      [c[11], -5_000],
      [c[3], -7_000],
    ]);
    const usd = (await p.clients.finance.get(`/api/v1/reports/profit-contribution?${PERIOD}&currency=USD`)).json();
    expect(usd.items).toEqual([expect.objectContaining({ customerId: c[3], revenueFen: 9_000_000, costFen: 1 })]);
    const empty = (
      await p.clients.finance.get('/api/v1/reports/profit-contribution?from=2020-01-01&to=2020-12-31')
    ).json();
    expect(empty).toMatchObject({
      items: [],
      nextCursor: null,
      total: 0,
      totals: { customers: 0, revenueFen: 0, marginPct: null },
    });
  });

  it('pages by profit with a keyset cursor, and rejects a forged cursor', async () => {
    const seen: string[] = [];
    let url = `/api/v1/reports/profit-contribution?${PERIOD}&limit=5`;
    for (let pages = 0; pages < 5; pages++) {
      const page = (await p.clients.finance.get(url)).json();
      seen.push(...page.items.map((row: Row) => row.customerId));
      expect(page.totals.customers).toBe(12);
      if (!page.nextCursor) break;
      url = `/api/v1/reports/profit-contribution?${PERIOD}&limit=5&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual(c);
    const forged = Buffer.from(JSON.stringify(['1 or 1=1', c[0]])).toString('base64url');
    const bad = await p.clients.finance.get(`/api/v1/reports/profit-contribution?cursor=${forged}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it('filters by owner and name while each row keeps its rank in the whole list', async () => {
    const mine = (
      await p.clients.finance.get(`/api/v1/reports/profit-contribution?${PERIOD}&ownerId=${p.users.r3.id}`)
    ).json();
    expect(mine.items.map((row: Row) => [row.customerId, row.rank])).toEqual([
      [c[1], 2],
      [c[5], 6],
      [c[9], 10],
    ]);
    expect(mine.totals).toMatchObject({ customers: 3, revenueFen: 90_000 + 50_000 + 10_000 });
    const named = (
      await p.clients.finance.get(
        `/api/v1/reports/profit-contribution?${PERIOD}&q=${encodeURIComponent("r2客户1号' or '1'='1")}`,
      )
    ).json();
    expect(named.items).toEqual([]);
    const byName = (
      await p.clients.finance.get(`/api/v1/reports/profit-contribution?${PERIOD}&q=${encodeURIComponent('R2客户1')}`)
    ).json();
    expect(byName.items.map((row: Row) => [row.customerId, row.rank])).toEqual([[c[7], 8]]);
  });

  it("a sales manager sees only the department's customers, ranked among themselves; salespeople are refused", async () => {
    const team = (await p.clients.eastManager.get(`/api/v1/reports/profit-contribution?${PERIOD}`)).json();
    expect(team.items.map((row: Row) => [row.customerId, row.rank])).toEqual([
      [c[0], 1],
      [c[2], 2],
      [c[4], 3],
      [c[6], 4],
      [c[7], 5],
      [c[10], 6],
      [c[11], 7],
    ]);
    expect(team.totals).toMatchObject({
      customers: 7,
      revenueFen: 100_000 + 80_000 + 60_000 + 40_000 + 30_000 + 5_000,
    });
    expect((await p.clients.r1.get(`/api/v1/reports/profit-contribution?${PERIOD}`)).statusCode).toBe(403);
    expect((await p.clients.warehouse.get(`/api/v1/reports/profit-contribution?${PERIOD}`)).statusCode).toBe(403);
  });

  it('answers 400 naming the field for a reversed or malformed period, in zh-CN and in English', async () => {
    const reversed = await p.clients.finance.get('/api/v1/reports/profit-contribution?from=2026-07-01&to=2026-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields).toEqual([{ field: 'from', message: '起始不能晚于结束日期' }]);
    await p.clients.finance.patch('/api/v1/auth/me', { locale: 'en' });
    const english = await p.clients.finance.get('/api/v1/reports/profit-contribution?from=2026-07-01&to=2026-01-01');
    await p.clients.finance.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(english.json().error.fields).toEqual([{ field: 'from', message: 'From must not be after the end date' }]);
    for (const query of [
      'from=2026-13-45',
      'to=yesterday',
      'limit=500',
      'ownerId=nobody',
      'currency=rmb',
      'sort=name',
    ]) {
      const response = await p.clients.finance.get(`/api/v1/reports/profit-contribution?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.fields.length, query).toBeGreaterThan(0);
    }
  });

  it('defaults to the twelve months up to today in the organization time zone', async () => {
    const page = (await p.clients.finance.get('/api/v1/reports/profit-contribution')).json();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(page.period).toEqual(trailingYear(today));
    expect(trailingYear('2026-11-23')).toEqual({ from: '2025-11-24', to: '2026-11-23' });
    expect(trailingYear('2028-02-28')).toEqual({ from: '2027-03-01', to: '2028-02-28' });
  });
});

describe('value of one customer', () => {
  it("shows the customer's live contribution for the period to its owner, and no snapshot before the nightly run", async () => {
    const response = await p.clients.r1.get(`/api/v1/customers/${c[0]}/value?${PERIOD}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      customerId: c[0],
      currency: 'CNY',
      period: { from: '2026-01-01', to: '2026-06-30' },
      ...FIRST_CUSTOMER_FIGURES,
      snapshot: null,
    });
    const none = (
      await p.clients.r1.get(`/api/v1/customers/${p.customers.r1[2]}/value?from=2020-01-01&to=2020-01-31`)
    ).json();
    expect(none).toMatchObject({ ordersCount: 0, revenueFen: 0, profitFen: 0, marginPct: null });
  });

  it("answers 404 for a customer outside the caller's scope or of another organization, 403 without orders.view", async () => {
    expect((await p.clients.r2.get(`/api/v1/customers/${c[0]}/value`)).statusCode).toBe(404);
    expect((await p.clients.r3.get(`/api/v1/customers/${c[0]}/value`)).statusCode).toBe(404);
    expect((await p.clients.eastManager.get(`/api/v1/customers/${c[0]}/value`)).statusCode).toBe(200);
    expect((await p.clients.service.get(`/api/v1/customers/${c[0]}/value`)).statusCode).toBe(403);
    const other = await ctx.createOrg();
    const stranger = await ctx.login(await ctx.createUser({ orgId: other.orgId, roleIds: [other.roleIds.admin!] }));
    expect((await stranger.get(`/api/v1/customers/${c[0]}/value`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/reports/profit-contribution?${PERIOD}`)).json().items).toEqual([]);
  });
});
