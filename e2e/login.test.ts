import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationSeeders } from '../apps/server/src/modules/registry.js';
import { createOrganizationWithAdmin } from '../apps/server/src/modules/org/index.js';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 5 });
});
afterAll(() => fixture?.close());

describe('signing in to one of several organizations (issue 10)', () => {
  it('one organization: no code asked; several: the page asks for it, takes ?org=, remembers it; an admin changes it', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${fixture.baseUrl}/login`);
    await page.getByTestId('login-username').waitFor();
    await answered(page, 'GET /auth/login-options', () => page.reload());
    expect(await page.getByTestId('login-organization').count()).toBe(0);

    await createOrganizationWithAdmin(fixture.database.db, {
      seeders: organizationSeeders,
      name: '华东贸易有限公司',
      code: 'east',
      username: 'admin',
      password: 'quiet-river-stones',
    });
    await page.reload();
    await page.getByTestId('login-organization').waitFor();
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('guanxi-demo');
    await page.getByTestId('login-submit').click();
    await eventually(() => page.locator('.ant-form-item-explain-error').allInnerTexts()).toContain(
      '请输入组织代码（也可以把用户名写成“用户名@组织代码”）',
    );

    // The link names the organization; the next visit remembers it.
    await loginAs(page, fixture.baseUrl, 'admin', 'demo');
    await page.getByTestId('welcome').waitFor();
    await page.goto(`${fixture.baseUrl}/settings/organization`);
    await eventually(() => page.getByTestId('organization-code').inputValue()).toBe('demo');
    await page.getByTestId('organization-code').fill('Demo-2');
    await answered(page, 'PATCH /organization', page.getByTestId('organization-save'));
    await eventually(() => page.locator('body').innerText()).toContain('登录示例：admin@demo-2');
    await answered(page, 'POST /auth/logout', () =>
      page.evaluate(() =>
        fetch('/api/v1/auth/logout', { method: 'POST', headers: { 'X-Requested-With': 'XMLHttpRequest' } }),
      ),
    );

    await page.goto(`${fixture.baseUrl}/login`);
    await eventually(() => page.getByTestId('login-organization').inputValue()).toBe('demo');
    await page.getByTestId('login-organization').fill('demo-2');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('guanxi-demo');
    await answered(page, 'POST /auth/login', page.getByTestId('login-submit'));
    await page.getByTestId('welcome').waitFor();
    await context.close();
  });

  it("another organization's administrator, not a system operator, is not offered the installation-wide job", async () => {
    await createOrganizationWithAdmin(fixture.database.db, {
      seeders: organizationSeeders,
      name: '华西贸易有限公司',
      code: 'west',
      username: 'admin',
      password: 'quiet-river-stones',
    });
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${fixture.baseUrl}/login`);
    await page.getByTestId('login-username').fill('admin@west');
    await page.getByTestId('login-password').fill('quiet-river-stones');
    await answered(page, 'POST /auth/login', page.getByTestId('login-submit'));
    await page.goto(`${fixture.baseUrl}/settings/jobs`);
    const row = (name: string) => page.locator('tr', { hasText: name });
    // Jobs are listed by their names in the reader's language (zh-CN here), never by their codes.
    await row('公海收回').getByTestId('job-run-now').waitFor();
    expect(await row('整理数据库并更新统计信息').getByTestId('job-installation-wide').count()).toBe(1);
    expect(await row('整理数据库并更新统计信息').getByTestId('job-run-now').count()).toBe(0);
    await context.close();
  });
});
