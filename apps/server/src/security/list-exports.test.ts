import { endpoints, type EndpointDefinition } from '@guanxi/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrder, orderFixtures as fx } from '../test/order-fixtures.js';
import { usePersonas } from '../test/file-context.js';
import { columnOf, csvRows, xlsxRows } from '../test/export-files.js';

/**
 * Every list export of the contract (issue 12), through the one mechanism: files for the holders of
 * `<module>.export`, 403 for the others, 400 for bad input, and the reader's data scope in the file.
 */
// Many exports per user in one file: the per-user limit is tested in customers.export.routes.test.ts.
const { ctx, p } = usePersonas({ customersEach: 2, config: { exportRateLimitPerMinute: 0 } });

const exportEndpoints = Object.values(endpoints)
  .flatMap((group) => Object.values(group) as EndpointDefinition[])
  .filter((endpoint) => endpoint.operationId.startsWith('export'));
/** Filters an export cannot do without (a report's period, the pool), sent with every call of it. */
const REQUIRED_FILTERS: Record<string, string> = {
  '/work-reports/stats/export': 'kind=weekly&from=2026-11-02&to=2026-11-29&',
};
const urlOf = (endpoint: EndpointDefinition, query: string) =>
  `/api/v1${endpoint.path}?${REQUIRED_FILTERS[endpoint.path] ?? ''}${query}`;

beforeAll(async () => {
  const db = ctx.database.db;
  await fx.warehouse(db, p.orgId);
  const widget = await fx.product(db, p.orgId, { listPriceFen: 123_456, costPriceFen: 6_000, name: '=控制器' });
  await createOrder(p.clients.r1, { customerId: p.customers.r1[0]!, lines: [{ productId: widget, quantity: 1 }] });
  await createOrder(p.clients.r3, { customerId: p.customers.r3[0]!, lines: [{ productId: widget, quantity: 2 }] });
  const pools = (await p.clients.admin.get('/api/v1/customer-pools')).json().items as { id: string }[];
  REQUIRED_FILTERS['/customer-pools/customers/export'] = `poolId=${pools[0]!.id}&`;
});

describe('list exports', () => {
  it('covers the main lists', () => {
    expect(exportEndpoints.map((endpoint) => endpoint.path).sort()).toEqual(
      expect.arrayContaining(['/contacts/export', '/customers/export', '/follow-ups/export', '/leads/export']),
    );
    expect(exportEndpoints.map((e) => e.permission).every((permission) => permission.endsWith('.export'))).toBe(true);
  });

  it('every export answers a CSV and an XLSX file with a header row to a holder of its permission', async () => {
    for (const endpoint of exportEndpoints) {
      const csv = await p.clients.admin.get(urlOf(endpoint, 'format=csv'));
      expect(csv.statusCode, endpoint.path).toBe(200);
      expect(csvRows(csv)[0]!.length, endpoint.path).toBeGreaterThan(3);
      const xlsx = await p.clients.head.request({
        method: 'GET',
        url: urlOf(endpoint, 'format=xlsx'),
        headers: { 'accept-language': 'en' },
      });
      expect(xlsx.statusCode, endpoint.path).toBe(200);
      expect((await xlsxRows(xlsx))[0]!.length, endpoint.path).toBeGreaterThan(3);
    }
  });

  it('every export answers 403 without its permission and 400 for a bad format', async () => {
    for (const endpoint of exportEndpoints) {
      expect((await p.clients.r1.get(urlOf(endpoint, 'format=csv'))).statusCode, endpoint.path).toBe(403);
      const bad = await p.clients.admin.get(urlOf(endpoint, 'format=pdf'));
      expect(bad.statusCode, endpoint.path).toBe(400);
      expect(bad.json().error.fields[0].field, endpoint.path).toBe('format');
    }
  });

  it("the order export holds the reader's scope, amounts as yuan numbers and statuses by name", async () => {
    const sheet = await xlsxRows(await p.clients.eastManager.get('/api/v1/orders/export?format=xlsx'));
    expect(columnOf(sheet, '客户')).toEqual([expect.stringMatching(/^r1客户0号/)]);
    expect(columnOf(sheet, '订单金额（元）')).toEqual([1234.56]);
    expect(columnOf(sheet, '状态')).toEqual(['草稿']);
    const all = csvRows(await p.clients.finance.get('/api/v1/orders/export?format=csv'));
    expect(columnOf(all, '订单金额（元）').sort()).toEqual(['1234.56', '2469.12']);
  });

  it('the product export neutralizes a formula-like name and keeps prices as numbers', async () => {
    const sheet = await xlsxRows(await p.clients.admin.get('/api/v1/products/export?format=xlsx'));
    expect(columnOf(sheet, '名称')).toContain("'=控制器");
    expect(columnOf(sheet, '目录价（元）')).toContain(1234.56);
  });

  it("a contact's mobile is left out for a reader who may not see customers' phones", async () => {
    const customerId = p.customers.r1[1]!;
    const created = await p.clients.r1.post('/api/v1/contacts', {
      customerId,
      name: '联系人甲',
      mobile: '13900001111',
    });
    expect(created.statusCode).toBe(201);
    const role = await ctx.createRole(p.orgId, {
      code: 'contacts_exporter_no_phone',
      permissions: ['customers.view', 'contacts.view', 'contacts.export'],
      dataScope: 'all',
      fieldPermissions: { 'customers.phone': 'hidden' },
    });
    const reader = await ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [role] }));
    const rows = csvRows(await reader.get('/api/v1/contacts/export?format=csv'));
    expect(columnOf(rows, '姓名')).toContain('联系人甲');
    expect(rows[0]).not.toContain('手机');
    expect(rows.flat().join('|')).not.toContain('13900001111');
    const full = csvRows(await p.clients.admin.get('/api/v1/contacts/export?format=csv'));
    expect(full.flat()).toContain('13900001111');
  });
});
