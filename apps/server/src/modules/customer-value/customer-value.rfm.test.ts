import { beforeAll, describe, expect, it } from 'vitest';
import { usePersonas } from '../../test/file-context.js';
import { columnOf, csvRows } from '../../test/export-files.js';
import { computeCustomerValues } from './customer-value.job.js';
import { insertOrder, insertProduct } from './customer-value.fixtures.js';

const { ctx, p } = usePersonas({ customersEach: 2 });
/** 10:00 on 1 July in Shanghai: the period is 2025-07-01 … 2026-06-30, recency counts to 2026-07-01. */
const NIGHT = new Date('2026-07-01T02:00:00Z');
type Key = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'none' | 'old';
let id: Record<Key, string>;

/**
 * Eight scored customers (R days, F orders, M fen):
 * a 1/5/500,000 · b 10/3/300,000 · c 30/1/800,000 · d 60/2/50,000 · e 30/1/20,000 ·
 * f 180/4/400,000 · g 300/1/10,000 · h 350/2/600,000 (h's orders: 1 July 00:30 and 16 July 01:00
 * local time, both in the period). `none` has only a cancelled order, `old` only one before the period.
 */
beforeAll(async () => {
  const owners: Record<Key, [keyof typeof p.customers, number]> = {
    a: ['r1', 0],
    b: ['r1', 1],
    c: ['r2', 0],
    d: ['r2', 1],
    e: ['r3', 0],
    f: ['r3', 1],
    g: ['head', 0],
    h: ['eastManager', 0],
    none: ['head', 1],
    old: ['eastManager', 1],
  };
  id = Object.fromEntries(Object.entries(owners).map(([k, [o, i]]) => [k, p.customers[o][i]!])) as Record<Key, string>;
  const productId = await insertProduct(ctx.database.db, p.orgId);
  const order = (key: Key, fen: number, confirmedAt: string, extra: { status?: string; currency?: string } = {}) => {
    const [owner] = owners[key];
    return insertOrder(ctx.database.db, {
      orgId: p.orgId,
      customerId: id[key],
      ownerId: p.users[owner].id,
      productId,
      lines: [{ quantity: 1, unitPriceFen: fen, unitCostFen: 0 }],
      confirmedAt,
      ...extra,
    });
  };
  const march = '2026-03-10T04:00:00Z';
  for (let i = 0; i < 4; i++) await order('a', 100_000, march);
  await order('a', 100_000, '2026-06-30T04:00:00Z');
  await order('b', 100_000, march);
  await order('b', 100_000, march);
  await order('b', 100_000, '2026-06-21T04:00:00Z');
  await order('c', 800_000, '2026-06-01T04:00:00Z');
  await order('d', 25_000, march);
  await order('d', 25_000, '2026-05-02T04:00:00Z');
  await order('e', 20_000, '2026-06-01T04:00:00Z');
  for (let i = 0; i < 3; i++) await order('f', 100_000, '2025-12-01T04:00:00Z');
  await order('f', 100_000, '2026-01-02T04:00:00Z');
  await order('g', 10_000, '2025-09-04T04:00:00Z');
  await order('h', 300_000, '2025-06-30T16:30:00Z');
  await order('h', 300_000, '2025-07-15T17:00:00Z');
  // Never counted: cancelled, draft, another currency, after the period (1 July local), before it.
  await order('a', 9_000_000, march, { status: 'cancelled' });
  await order('none', 9_000_000, march, { status: 'cancelled' });
  await order('b', 9_000_000, march, { status: 'draft' });
  await order('c', 9_000_000, march, { currency: 'USD' });
  await order('d', 9_000_000, '2026-06-30T16:30:00Z');
  await order('old', 9_000_000, '2025-06-15T04:00:00Z');
  await computeCustomerValues(ctx.database.db, NIGHT, p.orgId);
});

const rfmOf = async (key: Key) =>
  (await p.clients.admin.get(`/api/v1/customers/${id[key]}/value`)).json().snapshot?.rfm ?? null;

describe('RFM segments', () => {
  it('scores R, F and M by quintiles as computed by hand, ties sharing a score', async () => {
    // n = 8: score = 1 + ⌊5 × (rank − 1) / 7⌋ → ranks 1…8 score 1 1 2 3 3 4 5 5; a tie takes its first rank.
    // R (oldest first): h 350, g 300, f 180, d 60, c = e 30 (both rank 5), b 10, a 1.
    // F (fewest first): c = e = g 1 order (rank 1), d = h 2 (rank 4), b 3, f 4, a 5 — no F = 2 at all.
    // M (least first): g, e, d, b, f, a, h, c.
    const expected: Record<Exclude<Key, 'none' | 'old'>, [number, number, number, number, number, number]> = {
      a: [1, 5, 500_000, 5, 5, 4],
      b: [10, 3, 300_000, 5, 4, 3],
      c: [30, 1, 800_000, 3, 1, 5],
      d: [60, 2, 50_000, 3, 3, 2],
      e: [30, 1, 20_000, 3, 1, 1],
      f: [180, 4, 400_000, 2, 5, 3],
      g: [300, 1, 10_000, 1, 1, 1],
      h: [350, 2, 600_000, 1, 3, 5],
    };
    for (const [key, [recencyDays, frequency, monetaryFen, r, f, m]] of Object.entries(expected)) {
      expect(await rfmOf(key as Key), key).toMatchObject({ recencyDays, frequency, monetaryFen, r, f, m });
    }
    expect(await rfmOf('none')).toBeNull();
    expect(await rfmOf('old')).toBeNull();
  });

  it('names the eight classic segments by each score against the average score', async () => {
    // Averages: R 23/8 = 2.875, F 23/8 = 2.875, M 24/8 = 3; "high" is strictly above (b's M = 3 is not).
    const segments = Object.fromEntries(
      await Promise.all(
        (['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const).map(async (k) => [k, (await rfmOf(k)).segment]),
      ),
    );
    expect(segments).toEqual({
      a: 'important_value',
      b: 'general_value',
      c: 'important_develop',
      d: 'general_value',
      e: 'general_develop',
      f: 'general_retain',
      g: 'general_winback',
      h: 'important_retain',
    });
    const matrix = (await p.clients.admin.get('/api/v1/reports/rfm')).json();
    expect(matrix.averages).toEqual({ r: 2.88, f: 2.88, m: 3 });
    expect(matrix.scored).toBe(8);
    expect(
      Object.fromEntries(
        matrix.segments.map((s: { segment: string; count: number; revenueFen: number }) => [
          s.segment,
          [s.count, s.revenueFen],
        ]),
      ),
    ).toEqual({
      important_value: [1, 500_000],
      important_retain: [1, 600_000],
      important_develop: [1, 800_000],
      important_winback: [0, 0],
      general_value: [2, 350_000],
      general_retain: [1, 400_000],
      general_develop: [1, 20_000],
      general_winback: [1, 10_000],
    });
    expect(matrix.grid).toHaveLength(25);
    const cell = (r: number, f: number) =>
      matrix.grid.find((c: { r: number; f: number }) => c.r === r && c.f === f)?.count;
    // R 3 × F 1: c and e; R 5 × F 5: a; R 1 × F 1: g.
    expect([cell(3, 1), cell(5, 5), cell(1, 1), cell(2, 2)]).toEqual([2, 1, 1, 0]);
  });

  it('a salesperson sees only their own customers in the matrix', async () => {
    const response = await p.clients.r1.get('/api/v1/reports/rfm');
    expect(response.statusCode).toBe(200);
    const matrix = response.json();
    expect(matrix.scored).toBe(2);
    expect(matrix.customersInScope).toBe(2);
    const counted = matrix.segments.filter((s: { count: number }) => s.count > 0);
    expect(counted).toEqual([
      { segment: 'important_value', count: 1, revenueFen: 500_000, revenueSharePct: 62.5 },
      { segment: 'general_value', count: 1, revenueFen: 300_000, revenueSharePct: 37.5 },
    ]);
    // The thresholds stay the organization's: the segment of a customer does not depend on the reader.
    expect(matrix.averages).toEqual({ r: 2.88, f: 2.88, m: 3 });
    const east = (await p.clients.eastManager.get('/api/v1/reports/rfm')).json();
    expect([east.scored, east.customersInScope]).toEqual([5, 6]);
    // Another salesperson's customer answers 404 on its value.
    expect((await p.clients.r1.get(`/api/v1/customers/${id.c}/value`)).statusCode).toBe(404);
  });

  it('filters the customer list and its export by segment, within scope', async () => {
    const list = (await p.clients.admin.get('/api/v1/customers?rfmSegment=general_value&limit=200')).json();
    expect(list.items.map((c: { id: string }) => c.id).sort()).toEqual([id.b, id.d].sort());
    expect(list.items[0].rfmSegment).toBe('general_value');
    const own = (await p.clients.r1.get('/api/v1/customers?rfmSegment=general_value')).json();
    expect(own.items.map((c: { id: string }) => c.id)).toEqual([id.b]);
    const csv = await p.clients.eastManager.get('/api/v1/customers/export?format=csv&rfmSegment=important_retain');
    expect(csv.statusCode).toBe(200);
    const rows = csvRows(csv);
    expect(columnOf(rows, 'RFM 客户分群')).toEqual(['重要保持客户']);
    // A saved view keeps the filter.
    const view = await p.clients.r1.post('/api/v1/saved-views', {
      module: 'customers',
      name: '一般价值客户',
      query: { rfmSegment: 'general_value' },
    });
    expect(view.statusCode).toBe(201);
    expect(view.json().query).toEqual({ rfmSegment: 'general_value' });
  });

  it('refuses an unknown segment naming the field', async () => {
    const bad = await p.clients.r1.get('/api/v1/customers?rfmSegment=vip');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'rfmSegment' });
  });

  it('a rerun gives the same scores, and a customer without counted orders loses its segment', async () => {
    const before = await rfmOf('a');
    await computeCustomerValues(ctx.database.db, NIGHT, p.orgId);
    expect(await rfmOf('a')).toEqual(before);
    // A year later nothing is in the period: every segment is cleared from the list too.
    await computeCustomerValues(ctx.database.db, new Date('2027-12-01T02:00:00Z'), p.orgId);
    expect(await rfmOf('a')).toBeNull();
    const list = (await p.clients.admin.get('/api/v1/customers?rfmSegment=general_value')).json();
    expect(list.items).toEqual([]);
  });
});
