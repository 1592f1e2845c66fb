import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { signInAsNewDemoUser } from './demo-users.js';
import { answered, clickWhenStill, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 10 });
});
afterAll(() => fixture?.close());

describe('user management and API tokens in the browser', () => {
  it('a department-scoped user manager is offered only their department and its people', async () => {
    const page = await signInAsNewDemoUser(fixture, {
      username: 'east.hr',
      displayName: '何人事',
      departmentName: '华东销售组',
      role: { code: 'east_hr', name: '华东人事', dataScope: 'department' },
      extraPermissions: ['users.view', 'users.manage', 'departments.view', 'roles.view'],
    });
    await page.goto(`${fixture.baseUrl}/settings/users`);
    await eventually(() => page.getByTestId('user-table').innerText()).toContain('south.rep1');
    // Actions appear once the management scope has loaded, and only on the own department's users.
    await eventually(() => page.locator('tr', { hasText: 'east.rep1' }).getByRole('button').count()).toBeGreaterThan(0);
    expect(await page.locator('tr', { hasText: 'south.rep1' }).getByRole('button').count()).toBe(0);
    await page.getByRole('button', { name: '新建用户' }).click();
    await eventually(() => page.getByTestId('user-department').innerText()).toContain('华东销售组');
    await page.getByTestId('user-manager').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await eventually(() => options.allInnerTexts()).toContain('李经理 (east.manager)');
    expect((await options.allInnerTexts()).join()).not.toContain('south');
    await page.context().close();
  });

  it('a salesperson creates a token valid for 7 days and sees when it expires', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'east.rep1');
    await page.goto(`${fixture.baseUrl}/account/tokens`);
    await page.getByRole('button', { name: '新建令牌' }).click();
    await page.getByLabel('名称').fill('报表脚本');
    await page.getByTestId('token-lifetime').click();
    await clickWhenStill(page.locator('.ant-select-dropdown:visible').getByText('7 天', { exact: true }));
    await answered(page, 'POST /auth/tokens', page.locator('.ant-modal-footer .ant-btn-primary'));
    await page.getByTestId('token-secret').waitFor();
    await clickWhenStill(page.locator('.ant-modal-footer .ant-btn-primary'));
    await eventually(() => page.getByTestId('token-table').innerText()).toContain('还剩 7 天');
    expect(await page.getByTestId('token-table').innerText()).toContain('从未使用');
    await context.close();
  });
});
