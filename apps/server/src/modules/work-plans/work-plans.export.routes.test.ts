import { describe, expect, it } from 'vitest';
import { usePersonas } from '../../test/file-context.js';
import { columnOf, csvRows, xlsxRows } from '../../test/export-files.js';
import { localDateOf } from '../../platform/time/index.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
const today = () => localDateOf(new Date(), 'Asia/Shanghai');

async function plan(client: typeof p.clients.r1, customerId: string, note: string) {
  const created = await client.post('/api/v1/work-plans', {
    kind: 'weekly',
    period: today(),
    note,
    items: [{ customerId, kind: 'visit', purpose: '送样' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const { id, version } = created.json();
  expect((await client.post(`/api/v1/work-plans/${id}/submit`, { version })).statusCode).toBe(200);
}

describe('work plan export', () => {
  it("an own-scope exporter's file holds only their plans; the manager's team file the team's, formulas inert", async () => {
    await plan(p.clients.r1, p.customers.r1[0]!, '-1+1 华东重点');
    await plan(p.clients.r3, p.customers.r3[0]!, 'r3 的计划');
    const role = await ctx.createRole(p.orgId, {
      code: 'plan_exporter',
      permissions: ['customers.view', 'customers.create', 'plans.view', 'plans.create', 'plans.export'],
      dataScope: 'own',
    });
    const exporter = await ctx.login(
      await ctx.createUser({ orgId: p.orgId, roleIds: [role], departmentId: p.departments.east }),
    );
    const customer = (await exporter.post('/api/v1/customers', { kind: 'company', name: '计划导出测试公司' })).json();
    await plan(exporter, customer.id, '导出者的计划');

    const own = csvRows(await exporter.get('/api/v1/work-plans/export?format=csv'));
    expect(own[0]!.slice(0, 5)).toEqual(['类型', '周期开始', '周期结束', '提交人', '状态']);
    expect(columnOf(own, '备注')).toEqual(['导出者的计划']);
    expect(columnOf(own, '计划客户')).toEqual(['计划导出测试公司']);
    expect(columnOf(own, '类型')).toEqual(['周计划']);
    expect(columnOf(own, '状态')).toEqual(['已提交']);

    const team = await xlsxRows(await p.clients.eastManager.get('/api/v1/work-plans/export?format=xlsx&view=team'));
    const notes = columnOf(team, '备注');
    expect(notes).toContain("'-1+1 华东重点");
    expect(notes).not.toContain('r3 的计划');
    // The exporter works in the east department, so the east manager's scope covers its plan too.
    expect(notes).toContain('导出者的计划');
  });

  it('a role without plans.export gets 403', async () => {
    expect((await p.clients.r1.get('/api/v1/work-plans/export?format=csv')).statusCode).toBe(403);
  });
});
