import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../platform/db/schema/index.js';
import { insertOrder } from './payments.fixtures.js';
import { usePersonas } from '../../test/file-context.js';
import { columnOf, csvRows, xlsxRows } from '../../test/export-files.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
const AS_OF = '2026-06-30';

beforeAll(async () => {
  const order = (customerId: string, ownerId: string, totalFen: number, confirmed: string) =>
    insertOrder(ctx, {
      orgId: p.orgId,
      customerId,
      ownerId,
      totalFen,
      status: 'confirmed',
      confirmedAt: new Date(`${confirmed}T04:00:00Z`),
    });
  // Default 30-day term: confirmed 06-10 → due 07-10, not yet due on 06-30; 03-01 → over 90 days.
  await order(p.customers.r1[0]!, p.users.r1.id, 10_000, '2026-06-10');
  await order(p.customers.r2[0]!, p.users.r2.id, 20_000, '2026-03-01');
  await order(p.customers.r3[0]!, p.users.r3.id, 7_000, '2026-06-29');
  await ctx.database.db.update(customers).set({ name: '-2+3 应收测试' }).where(eq(customers.id, p.customers.r2[0]!));
});

describe('receivables ageing export', () => {
  it('holds the rows the screen shows on the same day, amounts in yuan by bucket, names inert', async () => {
    const screen = (await p.clients.finance.get(`/api/v1/reports/receivables-ageing?asOf=${AS_OF}`)).json();
    const sheet = await xlsxRows(
      await p.clients.finance.get(`/api/v1/reports/receivables-ageing/export?asOf=${AS_OF}&format=xlsx`),
    );
    expect(sheet[0]).toEqual([
      '客户 / 负责人',
      '未到期（元）',
      '0–30 天（元）',
      '31–60 天（元）',
      '61–90 天（元）',
      '90 天以上（元）',
      '合计（元）',
    ]);
    expect(columnOf(sheet, '合计（元）')).toEqual(screen.items.map((row: { totalFen: number }) => row.totalFen / 100));
    const overdue = sheet.find((row) => row[0] === "'-2+3 应收测试")!;
    expect(overdue.slice(1)).toEqual([0, 0, 0, 0, 200, 200]);
  });

  it("a sales manager's file holds the department's receivables only, grouped as asked", async () => {
    const rows = csvRows(
      await p.clients.eastManager.get(
        `/api/v1/reports/receivables-ageing/export?asOf=${AS_OF}&groupBy=owner&format=csv`,
      ),
    );
    expect(columnOf(rows, '客户 / 负责人').sort()).toEqual([p.users.r1.username, p.users.r2.username].sort());
  });

  it('a role without finance.export gets 403', async () => {
    expect((await p.clients.r1.get('/api/v1/reports/receivables-ageing/export?format=csv')).statusCode).toBe(403);
    expect((await p.clients.warehouse.get('/api/v1/reports/receivables-ageing/export?format=csv')).statusCode).toBe(
      403,
    );
  });
});
