import { beforeAll, describe, expect, it } from 'vitest';
import { customerCredit } from '../../platform/db/schema/index.js';
import { bucketOf, daysPastDue } from './ageing.service.js';
import { dayOffset, insertOrder } from './payments.fixtures.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
const AS_OF = '2026-06-30';
/** Midday in Shanghai, so the confirmation day is the same date in the organization's calendar. */
const confirmedOn = (date: string) => new Date(`${date}T04:00:00Z`);

beforeAll(async () => {
  const [a, b, c] = [p.customers.r1[0]!, p.customers.r2[0]!, p.customers.r3[0]!];
  const order = (customerId: string, ownerId: string, totalFen: number, confirmed: string, status = 'confirmed') =>
    insertOrder(ctx, { orgId: p.orgId, customerId, ownerId, totalFen, status, confirmedAt: confirmedOn(confirmed) });
  // Customer A has a 10-day term: confirmed 06-10 → due 06-20 → 10 days late.
  await ctx.database.db
    .insert(customerCredit)
    .values({ orgId: p.orgId, customerId: a, limitFen: 10_000_000, termDays: 10 });
  await order(a, p.users.r1.id, 10_000, '2026-06-10');
  // Customer B has no term: the default 30 days; confirmed 03-01 → due 03-31 → 91 days late; 5 000 paid.
  const partly = await order(b, p.users.r2.id, 20_000, '2026-03-01', 'shipped');
  const paid = await p.clients.finance.post('/api/v1/payments', {
    orderId: partly.id,
    amountFen: 5_000,
    method: 'cash',
    receivedOn: dayOffset(-1),
  });
  expect(paid.statusCode, paid.body).toBe(201);
  // A planned order of customer A: each unpaid installment ages from its own due date.
  const planned = await order(a, p.users.r1.id, 100_000, '2026-01-10', 'completed');
  const plan = await p.clients.finance.put(`/api/v1/orders/${planned.id}/payment-plan`, {
    version: 0,
    installments: [
      { dueDate: '2026-07-15', amountFen: 30_000 },
      { dueDate: '2026-05-20', amountFen: 40_000 },
      { dueDate: '2026-04-15', amountFen: 30_000 },
    ],
  });
  expect(plan.statusCode, plan.body).toBe(200);
  // Neither cancelled nor unconfirmed orders are receivables.
  await order(a, p.users.r1.id, 77_700, '2026-01-01', 'cancelled');
  await order(a, p.users.r1.id, 66_600, '2026-01-01', 'submitted');
  // West's customer: out of the East manager's scope.
  await order(c, p.users.r3.id, 7_000, '2026-06-29');
});

describe('receivables ageing', () => {
  it('counts days past due into buckets: not yet due, 0–30 (from the due date), 31–60, 61–90, over 90', () => {
    expect(daysPastDue('2026-06-20', AS_OF)).toBe(10);
    expect([-1, 0, 30, 31, 60, 61, 90, 91].map(bucketOf)).toEqual([
      'notDueFen',
      'days0to30Fen',
      'days0to30Fen',
      'days31to60Fen',
      'days31to60Fen',
      'days61to90Fen',
      'days61to90Fen',
      'over90Fen',
    ]);
  });

  it('ages unpaid amounts per customer with a totals row (finance sees every customer)', async () => {
    const response = await p.clients.finance.get(`/api/v1/reports/receivables-ageing?asOf=${AS_OF}`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ asOf: AS_OF, groupBy: 'customer', currency: 'CNY' });
    const byId = Object.fromEntries(report.items.map((r: { id: string }) => [r.id, r]));
    expect(byId[p.customers.r1[0]!]).toMatchObject({
      notDueFen: 30_000,
      days0to30Fen: 10_000,
      days31to60Fen: 40_000,
      days61to90Fen: 30_000,
      over90Fen: 0,
      totalFen: 110_000,
    });
    expect(byId[p.customers.r2[0]!]).toMatchObject({ over90Fen: 15_000, totalFen: 15_000 });
    expect(byId[p.customers.r3[0]!]).toMatchObject({ notDueFen: 7_000, totalFen: 7_000 });
    expect(report.totals).toEqual({
      notDueFen: 37_000,
      days0to30Fen: 10_000,
      days31to60Fen: 40_000,
      days61to90Fen: 30_000,
      over90Fen: 15_000,
      totalFen: 132_000,
    });
  });

  it('groups by owner, filters by owner, and follows customer scope; salespeople lack finance.view', async () => {
    const manager = await p.clients.eastManager.get(`/api/v1/reports/receivables-ageing?asOf=${AS_OF}&groupBy=owner`);
    expect(manager.statusCode, manager.body).toBe(200);
    const rows = manager.json().items.map((r: { id: string; totalFen: number }) => [r.id, r.totalFen]);
    expect(rows).toEqual([
      [p.users.r1.id, 110_000],
      [p.users.r2.id, 15_000],
    ]);
    expect(manager.json().totals.totalFen).toBe(125_000);
    const onlyR2 = await p.clients.finance.get(
      `/api/v1/reports/receivables-ageing?asOf=${AS_OF}&ownerId=${p.users.r2.id}`,
    );
    expect(onlyR2.json().totals.totalFen).toBe(15_000);
    expect((await p.clients.r1.get('/api/v1/reports/receivables-ageing')).statusCode).toBe(403);
    const bad = await p.clients.finance.get('/api/v1/reports/receivables-ageing?groupBy=product');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ field: 'groupBy' })]);
  });

  it('pages by total (largest first, then id) with a cursor; the totals row always covers the whole scope', async () => {
    const url = `/api/v1/reports/receivables-ageing?asOf=${AS_OF}&limit=2`;
    const first = await p.clients.finance.get(url);
    expect(first.statusCode, first.body).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((r: { totalFen: number }) => r.totalFen)).toEqual([110_000, 15_000]);
    expect(page1).toMatchObject({ total: 3, totals: { totalFen: 132_000 } });
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = await p.clients.finance.get(`${url}&cursor=${encodeURIComponent(page1.nextCursor)}`);
    expect(second.json()).toMatchObject({
      items: [{ id: p.customers.r3[0], totalFen: 7_000 }],
      nextCursor: null,
      total: 3,
    });
    expect(second.json().totals.totalFen).toBe(132_000);
    const forged = Buffer.from(JSON.stringify(['1e9', p.customers.r3[0]])).toString('base64url');
    expect((await p.clients.finance.get(`${url}&cursor=${forged}`)).statusCode).toBe(400);
  });

  it('answers an empty page with zero totals when nothing is owed in scope', async () => {
    const none = await p.clients.finance.get(`/api/v1/reports/receivables-ageing?ownerId=${p.users.eastManager.id}`);
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json()).toMatchObject({ items: [], nextCursor: null, total: 0, totals: { notDueFen: 0, totalFen: 0 } });
  });
});
