import { describe, expect, it } from 'vitest';
import { usePersonas } from '../../test/file-context.js';
import { columnOf, csvRows, xlsxRows } from '../../test/export-files.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

describe('team activity export', () => {
  it('holds a row per member and period with the counts the grid shows, within the manager’s team', async () => {
    const visit = await p.clients.r1.post('/api/v1/visits', { customerId: p.customers.r1[0]!, address: '上海' });
    expect(visit.statusCode).toBe(201);
    const screen = (await p.clients.eastManager.get('/api/v1/team-activity?period=week')).json();
    const rows = csvRows(await p.clients.eastManager.get('/api/v1/team-activity/export?period=week&format=csv'));
    expect(rows[0]).toEqual(['成员', '周期开始', '跟进次数', '拜访次数']);
    expect(rows.length - 1).toBe(screen.rows.length * screen.periods.length);
    const members = new Set(columnOf(rows, '成员'));
    expect(members.has(p.users.r1.username)).toBe(true);
    expect(members.has(p.users.r3.username)).toBe(false);
    const r1Visits = rows.slice(1).filter((row) => row[0] === p.users.r1.username);
    expect(r1Visits.map((row) => Number(row[3])).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('a member named like a formula reaches the file as text', async () => {
    const role = await ctx.createRole(p.orgId, {
      code: 'team_exporter',
      permissions: ['team.view', 'team.export'],
      dataScope: 'all',
    });
    const reader = await ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [role] }));
    expect((await reader.patch('/api/v1/auth/me', { displayName: '+86 王经理' })).statusCode).toBe(200);
    const sheet = await xlsxRows(await reader.get('/api/v1/team-activity/export?format=xlsx'));
    expect(columnOf(sheet, '成员')).toContain("'+86 王经理");
  });

  it('the neglected customers per owner and threshold, with the team total last', async () => {
    const screen = (await p.clients.eastManager.get('/api/v1/team-activity/neglected')).json();
    const rows = csvRows(await p.clients.eastManager.get('/api/v1/team-activity/neglected/export?format=csv'));
    expect(rows[0]).toEqual(['负责人', '7 天以上', '15 天以上', '30 天以上', '90 天以上', '180 天以上']);
    expect(rows.at(-1)).toEqual(['团队合计', ...screen.totals.map(String)]);
    expect(rows.length - 2).toBe(screen.rows.length);
  });

  it('a salesperson gets 403 on both', async () => {
    expect((await p.clients.r1.get('/api/v1/team-activity/export?format=csv')).statusCode).toBe(403);
    expect((await p.clients.r1.get('/api/v1/team-activity/neglected/export?format=csv')).statusCode).toBe(403);
  });
});
