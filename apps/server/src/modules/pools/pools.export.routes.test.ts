import { beforeAll, describe, expect, it } from 'vitest';
import { usePersonas } from '../../test/file-context.js';
import { columnOf, csvRows, xlsxRows } from '../../test/export-files.js';

const { ctx, p } = usePersonas({ customersEach: 0 });
let defaultPool: { id: string; version: number; visibleFields: string[] };

beforeAll(async () => {
  const pools = (await p.clients.admin.get('/api/v1/customer-pools')).json().items;
  defaultPool = pools[0];
  // The pool shows phones before claiming, so a role that hides them is what keeps them out.
  const shown = await p.clients.admin.patch(`/api/v1/customer-pools/${defaultPool.id}`, {
    visibleFields: [...defaultPool.visibleFields, 'phone'],
    version: defaultPool.version,
  });
  expect(shown.statusCode, shown.body).toBe(200);
  const created = await p.clients.r1.post('/api/v1/customers', {
    kind: 'company',
    name: '@公海导出测试公司',
    phone: '13812345678',
  });
  expect(created.statusCode, created.body).toBe(201);
  const returned = await p.clients.r1.post(`/api/v1/customers/${created.json().id}/return`, { reason: '暂无需求' });
  expect(returned.statusCode, returned.body).toBe(200);
});

const exportUrl = (poolId: string, format: 'csv' | 'xlsx') =>
  `/api/v1/customer-pools/customers/export?poolId=${poolId}&format=${format}`;

describe('customer pool export', () => {
  it("a member's file holds the pool's customers with the pool's visible fields, formulas inert", async () => {
    const sheet = await xlsxRows(await p.clients.eastManager.get(exportUrl(defaultPool.id, 'xlsx')));
    expect(sheet[0]!.slice(0, 3)).toEqual(['客户编号', '客户名称', '客户类型']);
    expect(columnOf(sheet, '客户名称')).toEqual(["'@公海导出测试公司"]);
    expect(columnOf(sheet, '电话')).toEqual(['13812345678']);
    expect(columnOf(sheet, '客户阶段')).toEqual(['潜在客户']);
    // Fields the pool does not show before claiming stay empty.
    expect(columnOf(sheet, '电子邮箱').filter((cell) => cell !== null && cell !== undefined)).toEqual([]);
  });

  it("a role that hides customers' phones gets no phone column", async () => {
    const role = await ctx.createRole(p.orgId, {
      code: 'pool_exporter_no_phone',
      permissions: ['pools.view', 'pools.export'],
      dataScope: 'own',
      fieldPermissions: { 'customers.phone': 'hidden' },
    });
    const reader = await ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [role] }));
    const rows = csvRows(await reader.get(exportUrl(defaultPool.id, 'csv')));
    expect(rows[0]).not.toContain('电话');
    expect(rows.flat().join('|')).not.toContain('13812345678');
    expect(columnOf(rows, '客户名称')).toEqual(["'@公海导出测试公司"]);
  });

  it('a pool one is no member of answers 404; without pools.export 403', async () => {
    const westPool = await p.clients.admin.post('/api/v1/customer-pools', {
      name: '华西公海',
      openToAll: false,
      memberDepartmentIds: [p.departments.west],
    });
    expect(westPool.statusCode, westPool.body).toBe(201);
    const role = await ctx.createRole(p.orgId, {
      code: 'pool_exporter_east',
      permissions: ['pools.view', 'pools.export'],
      dataScope: 'own',
    });
    const east = await ctx.login(
      await ctx.createUser({ orgId: p.orgId, roleIds: [role], departmentId: p.departments.east }),
    );
    expect((await east.get(exportUrl(westPool.json().id, 'csv'))).statusCode).toBe(404);
    expect((await p.clients.r1.get(exportUrl(defaultPool.id, 'csv'))).statusCode).toBe(403);
  });
});
