import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../platform/db/schema/index.js';
import { computeCustomerValues } from './customer-value.job.js';
import { seedValueScenario } from './customer-value.fixtures.js';
import { usePersonas } from '../../test/file-context.js';
import { columnOf, csvRows, xlsxRows } from '../../test/export-files.js';

const { ctx, p } = usePersonas({ customersEach: 3 });
let c: string[];
const PERIOD = 'from=2026-01-01&to=2026-06-30';

beforeAll(async () => {
  c = await seedValueScenario(ctx.database.db, p);
  // A customer named like a formula: its cell must reach the file as inert text.
  await ctx.database.db.update(customers).set({ name: '=CMD|"/c calc"!A1' }).where(eq(customers.id, c[0]!));
  await computeCustomerValues(ctx.database.db, new Date('2026-07-01T02:00:00Z'), p.orgId);
});

describe('profit contribution export', () => {
  it('holds the ranking the screen shows for the period, amounts in yuan', async () => {
    const screen = (await p.clients.finance.get(`/api/v1/reports/profit-contribution?${PERIOD}&limit=200`)).json();
    const sheet = await xlsxRows(
      await p.clients.finance.get(`/api/v1/reports/profit-contribution/export?${PERIOD}&format=xlsx`),
    );
    expect(sheet[0]!.slice(0, 4)).toEqual(['排名', '客户', '负责人', '订单数']);
    expect(columnOf(sheet, '排名')).toEqual(screen.items.map((row: { rank: number }) => row.rank));
    expect(columnOf(sheet, '客户')[0]).toBe(`'=CMD|"/c calc"!A1`);
    expect(columnOf(sheet, '销售额（元）')[0]).toBe(1000);
    expect(columnOf(sheet, '利润贡献（元）')[0]).toBe(550);
    expect(columnOf(sheet, '贡献率（%）')[0]).toBe(55);
  });

  it("a sales manager's file holds only the department's customers", async () => {
    const team = (await p.clients.eastManager.get(`/api/v1/reports/profit-contribution?${PERIOD}`)).json();
    const rows = csvRows(
      await p.clients.eastManager.get(`/api/v1/reports/profit-contribution/export?${PERIOD}&format=csv`),
    );
    expect(columnOf(rows, '排名')).toEqual(team.items.map((row: { rank: number }) => String(row.rank)));
    expect(rows.length - 1).toBe(7);
  });
});

describe('customer pyramid export', () => {
  it('holds the tiers and the ABC classes by name with their counts and revenue', async () => {
    const screen = (await p.clients.finance.get('/api/v1/reports/customer-pyramid')).json();
    const rows = csvRows(await p.clients.finance.get('/api/v1/reports/customer-pyramid/export?format=csv'));
    expect(rows[0]).toEqual(['分类方式', '等级', '客户数', '销售额（元）', '利润贡献（元）', '销售额占比（%）']);
    expect(columnOf(rows, '等级')).toEqual(['铂金', '黄金', '铁', '铅', 'A 类', 'B 类', 'C 类']);
    expect(columnOf(rows, '客户数')).toEqual(
      [...screen.tiers, ...screen.abc].map((group: { count: number }) => String(group.count)),
    );
  });
});

describe('value export rights', () => {
  it('salespeople, who see no value reports, get 403; so does a role with finance.view alone', async () => {
    expect((await p.clients.r1.get(`/api/v1/reports/profit-contribution/export?format=csv`)).statusCode).toBe(403);
    const role = await ctx.createRole(p.orgId, {
      code: 'value_reader',
      permissions: ['finance.view'],
      dataScope: 'all',
    });
    const reader = await ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [role] }));
    expect((await reader.get('/api/v1/reports/customer-pyramid')).statusCode).toBe(200);
    expect((await reader.get('/api/v1/reports/customer-pyramid/export?format=csv')).statusCode).toBe(403);
  });
});
