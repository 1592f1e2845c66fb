import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startBrowserFixture, type BrowserFixture } from './browser.js';
import { signInAsNewDemoUser } from './demo-users.js';
import { answered, clickWhenStill, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 10 });
});
afterAll(() => fixture?.close());

describe('department management in the browser', () => {
  it('a department-tree manager is offered changes only inside their own department’s tree', async () => {
    const page = await signInAsNewDemoUser(fixture, {
      username: 'east.org',
      displayName: '吴组织',
      departmentName: '华东销售组',
      role: { code: 'east_org', name: '华东组织', dataScope: 'department_tree' },
      extraPermissions: ['departments.view', 'departments.manage'],
      prepare: async (admin, east) => {
        await api(admin, 'POST', '/api/v1/departments', { name: '华东一组', parentId: east });
        await api(admin, 'POST', '/api/v1/departments', { name: '华东二组', parentId: east });
      },
    });
    await page.goto(`${fixture.baseUrl}/settings/departments`);
    const node = (name: string) => page.locator('.ant-tree-treenode', { hasText: name });
    // Buttons appear once the management scope has loaded, and only inside the own tree.
    await page.getByTestId('department-scope-hint').waitFor();
    await eventually(() => node('华东二组').getByRole('button').count()).toBe(4);
    expect(await node('华东销售组').getByRole('button', { name: '移动' }).count()).toBe(0);
    expect(await node('华东销售组').getByRole('button', { name: '添加子部门' }).count()).toBe(1);
    for (const outside of ['华南销售组', '销售部', '总经办'])
      expect(await node(outside).getByRole('button').count(), outside).toBe(0);
    expect(await page.getByRole('button', { name: '新建顶级部门' }).count()).toBe(0);

    // Moving 华东二组 offers no top level and nothing outside the tree; it goes under 华东一组.
    await node('华东二组').getByRole('button', { name: '移动' }).click();
    await clickWhenStill(page.locator('.ant-modal .ant-select'));
    const options = page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode');
    await eventually(() => options.allInnerTexts()).toContain('华东一组');
    const offered = (await options.allInnerTexts()).join();
    for (const absent of ['顶级部门', '华南销售组', '总经办']) expect(offered).not.toContain(absent);
    await clickWhenStill(
      page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode', { hasText: '华东一组' }),
    );
    await answered(page, 'PATCH /departments/*', page.locator('.ant-modal-footer .ant-btn-primary'));
    await eventually(async () => {
      const moved = (await api(page, 'GET', '/api/v1/departments')).items as {
        name: string;
        parentId: string | null;
        id: string;
      }[];
      const first = moved.find((d) => d.name === '华东一组')!;
      return moved.find((d) => d.name === '华东二组')!.parentId === first.id;
    }).toBe(true);

    // A refusal shows the server's own words.
    await node('华东销售组').getByRole('button', { name: '删除' }).click();
    await answered(page, 'DELETE /departments/*', page.locator('.ant-popover:visible .ant-btn-dangerous'), 409);
    await page.getByText('该部门下仍有用户或子部门。').waitFor();
    await page.context().close();
  });
});
