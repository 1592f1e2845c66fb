import { describe, expect, it } from 'vitest';
import { usePersonas } from '../../test/file-context.js';
import { columnOf, csvRows, xlsxRows } from '../../test/export-files.js';

const { ctx, p } = usePersonas({ customersEach: 2 });
const PERIOD = `from=${new Date(Date.now() - 30 * 86_400_000).toISOString()}&to=${new Date().toISOString()}`;

describe('lifecycle board export', () => {
  it('holds the stage table the board shows for the period, within the reader’s scope', async () => {
    const screen = (await p.clients.eastManager.get(`/api/v1/lifecycle/board?${PERIOD}`)).json();
    const rows = csvRows(await p.clients.eastManager.get(`/api/v1/lifecycle/board/export?${PERIOD}&format=csv`));
    expect(rows[0]).toEqual([
      '阶段',
      '当前客户数',
      '期间进入',
      '已结束停留中位数（天）',
      '已结束停留 P90（天）',
      '已结束停留数',
      '当前停留中位数（天）',
      '当前停留 P90（天）',
      '超期客户数',
    ]);
    expect(columnOf(rows, '阶段')).toEqual(['潜在客户', '意向客户', '初次购买客户', '历史客户（复购）', '流失客户']);
    expect(columnOf(rows, '当前客户数')).toEqual(screen.stages.map((stage: { count: number }) => String(stage.count)));
    // The east team's six customers (manager and two salespeople), not r3's in the west.
    expect(columnOf(rows, '当前客户数')[0]).toBe('6');
    const all = await xlsxRows(await p.clients.admin.get(`/api/v1/lifecycle/board/export?${PERIOD}&format=xlsx`));
    expect(columnOf(all, '当前客户数')[0]).toBe(10);
  });

  it('speaks the reader’s language: headers and stage names in English for an English user', async () => {
    const role = await ctx.createRole(p.orgId, {
      code: 'board_exporter',
      permissions: ['lifecycle.view', 'lifecycle.export'],
      dataScope: 'all',
    });
    const reader = await ctx.login(await ctx.createUser({ orgId: p.orgId, roleIds: [role] }));
    expect((await reader.patch('/api/v1/auth/me', { locale: 'en' })).statusCode).toBe(200);
    const rows = csvRows(await reader.get(`/api/v1/lifecycle/board/export?${PERIOD}&format=csv`));
    expect(rows[0]!.slice(0, 2)).toEqual(['Stage', 'Customers now']);
    expect(columnOf(rows, 'Stage')[0]).toBe('Prospect');
  });

  it('a salesperson, who reads the board, may not export it (403)', async () => {
    expect((await p.clients.r1.get(`/api/v1/lifecycle/board?${PERIOD}`)).statusCode).toBe(200);
    expect((await p.clients.r1.get(`/api/v1/lifecycle/board/export?${PERIOD}&format=csv`)).statusCode).toBe(403);
  });
});
