import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

describe('settings in the browser', () => {
  it('an administrator creates a role with chosen permissions; a salesperson has no settings menu', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'admin');
    await page.goto(`${fixture.baseUrl}/settings/roles`);
    await page.getByTestId('role-new').click();
    await page.getByTestId('role-code').fill('field_sales');
    await page.getByTestId('role-name').fill('外勤销售');
    await page.getByTestId('permission-customers.view').check();
    await page.getByTestId('role-submit').click();
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain('外勤销售');
    const roles = await page.evaluate(async () => (await fetch('/api/v1/roles')).json());
    const created = roles.items.find((r: { code: string }) => r.code === 'field_sales');
    expect(created.permissions).toEqual(['customers.view']);
    await page.goto(`${fixture.baseUrl}/settings/users`);
    await expect.poll(() => page.getByTestId('user-table').innerText(), { timeout: 15_000 }).toContain('east.rep1');
    await context.close();

    const salesContext = await fixture.browser.newContext();
    const salesPage = await salesContext.newPage();
    await loginAs(salesPage, fixture.baseUrl, 'east.rep1');
    await expect.poll(() => salesPage.getByTestId('welcome').innerText()).toContain('张小明');
    expect(await salesPage.locator('a[href="/settings/roles"]').count()).toBe(0);
    const status = await salesPage.evaluate(async () => (await fetch('/api/v1/roles')).status);
    expect(status).toBe(403);
    await salesContext.close();
  });
});
