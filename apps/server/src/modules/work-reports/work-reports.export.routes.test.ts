import { describe, expect, it } from 'vitest';
import { usePersonas } from '../../test/file-context.js';
import { columnOf, csvRows, xlsxRows } from '../../test/export-files.js';
import { localDateOf } from '../../platform/time/index.js';

const { ctx, p } = usePersonas({ customersEach: 1 });
const today = () => localDateOf(new Date(), 'Asia/Shanghai');

async function submitReport(client: typeof p.clients.r1, work: string) {
  const created = await client.post('/api/v1/work-reports', { kind: 'daily', period: today(), work });
  expect(created.statusCode, created.body).toBe(201);
  const { id, version } = created.json();
  expect((await client.post(`/api/v1/work-reports/${id}/submit`, { version })).statusCode).toBe(200);
}

describe('work report export', () => {
  it("the list in a file: an own-scope exporter gets only their reports, the manager's team view the team's", async () => {
    await submitReport(p.clients.r1, '@SUM(A1:A9) 拜访三家');
    await submitReport(p.clients.r3, 'r3 的日报');
    const role = await ctx.createRole(p.orgId, {
      code: 'report_exporter',
      permissions: ['reports.view', 'reports.create', 'reports.export'],
      dataScope: 'own',
    });
    const exporter = await ctx.login(
      await ctx.createUser({ orgId: p.orgId, roleIds: [role], departmentId: p.departments.east }),
    );
    await submitReport(exporter, '导出者自己的日报');
    const own = csvRows(await exporter.get('/api/v1/work-reports/export?format=csv'));
    expect(own[0]!.slice(0, 5)).toEqual(['类型', '周期开始', '周期结束', '提交人', '状态']);
    expect(columnOf(own, '工作内容')).toEqual(['导出者自己的日报']);
    expect(columnOf(own, '类型')).toEqual(['日报']);
    expect(columnOf(own, '状态')).toEqual(['已提交']);
    const ownTeam = csvRows(await exporter.get('/api/v1/work-reports/export?format=csv&view=team'));
    expect(ownTeam.flat().join('|')).not.toContain('拜访三家');

    const team = await xlsxRows(await p.clients.eastManager.get('/api/v1/work-reports/export?format=xlsx&view=team'));
    const work = columnOf(team, '工作内容');
    // The formula-like text stays text: an apostrophe in front, never run.
    expect(work).toContain("'@SUM(A1:A9) 拜访三家");
    expect(work).not.toContain('r3 的日报');
  });

  it('the statistics in a file: a row per person and the team total, in the reader’s language', async () => {
    const period = `kind=daily&from=${today()}&to=${today()}`;
    const screen = (await p.clients.eastManager.get(`/api/v1/work-reports/stats?${period}`)).json();
    const response = await p.clients.eastManager.request({
      method: 'GET',
      url: `/api/v1/work-reports/stats/export?${period}&format=csv`,
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(200);
    const rows = csvRows(response);
    // The manager's own language (zh-CN) wins over the header once signed in, like every answer.
    const headers = rows[0]!;
    expect(headers).toEqual(['提交人', '部门', '应交', '已交', '迟交', '未交', '已批阅', '未批阅', '平均评分']);
    expect(columnOf(rows, '提交人')).toEqual([
      ...screen.rows.map((r: { user: { name: string } }) => r.user.name),
      '团队合计',
    ]);
    expect(columnOf(rows, '已交').at(-1)).toBe(String(screen.team.submitted));
  });

  it('roles without reports.export get 403 on both exports', async () => {
    expect((await p.clients.r1.get('/api/v1/work-reports/export?format=csv')).statusCode).toBe(403);
    const stats = `/api/v1/work-reports/stats/export?kind=daily&from=${today()}&to=${today()}&format=csv`;
    expect((await p.clients.r1.get(stats)).statusCode).toBe(403);
  });
});
