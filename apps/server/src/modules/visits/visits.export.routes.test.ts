import { describe, expect, it } from 'vitest';
import { usePersonas } from '../../test/file-context.js';
import { columnOf, csvRows, xlsxRows } from '../../test/export-files.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

describe('visit export', () => {
  it("a day's visits in a file: a salesperson-scope exporter gets only their own, the manager the team's", async () => {
    for (const [client, customers, note] of [
      [p.clients.r1, p.customers.r1, '=HYPERLINK("http://evil.example")'],
      [p.clients.r2, p.customers.r2, 'r2 的拜访'],
      [p.clients.r3, p.customers.r3, 'r3 的拜访'],
    ] as const) {
      const visit = await client.post('/api/v1/visits', { customerId: customers[0]!, address: '上海', note });
      expect(visit.statusCode, visit.body).toBe(201);
    }
    // The built-in salesperson has no export right; a role with it and the salesperson's own scope.
    const role = await ctx.createRole(p.orgId, {
      code: 'visit_exporter',
      permissions: ['customers.view', 'customers.create', 'visits.view', 'visits.create', 'visits.export'],
      dataScope: 'own',
    });
    const exporter = await ctx.login(
      await ctx.createUser({ orgId: p.orgId, roleIds: [role], departmentId: p.departments.east }),
    );
    const customer = (await exporter.post('/api/v1/customers', { kind: 'company', name: '拜访导出测试公司' })).json();
    expect((await exporter.post('/api/v1/visits', { customerId: customer.id, address: '北京' })).statusCode).toBe(201);
    const own = csvRows(await exporter.get('/api/v1/visits/export?format=csv'));
    expect(own[0]).toEqual(['签到时间', '销售人员', '客户', '地址', '纬度', '经度', '定位精度（米）', '备注']);
    expect(columnOf(own, '客户')).toEqual(['拜访导出测试公司']);
    expect(columnOf(own, '地址')).toEqual(['北京']);

    const team = await xlsxRows(await p.clients.eastManager.get('/api/v1/visits/export?format=xlsx'));
    expect(columnOf(team, '备注').sort()).toEqual(
      expect.arrayContaining(['\'=HYPERLINK("http://evil.example")', 'r2 的拜访']),
    );
    expect(columnOf(team, '备注')).not.toContain('r3 的拜访');
    expect(columnOf(team, '地址')).toContain('上海');
  });

  it('a role without visits.export gets 403 and the export is audited for the one who has it', async () => {
    expect((await p.clients.r1.get('/api/v1/visits/export?format=csv')).statusCode).toBe(403);
    expect((await p.clients.eastManager.get('/api/v1/visits/export?format=csv')).statusCode).toBe(200);
    const log = (await p.clients.admin.get('/api/v1/audit-log?action=export&entity=visit')).json();
    expect(log.items.length).toBeGreaterThan(0);
  });
});
