import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually } from './settle.js';

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
    await answered(page, 'POST /roles', page.getByTestId('role-submit'));
    await eventually(() => page.locator('body').innerText()).toContain('外勤销售');
    const roles = await page.evaluate(async () => (await fetch('/api/v1/roles')).json());
    const created = roles.items.find((r: { code: string }) => r.code === 'field_sales');
    expect(created.permissions).toEqual(['customers.view']);
    await page.goto(`${fixture.baseUrl}/settings/users`);
    await eventually(() => page.getByTestId('user-table').innerText()).toContain('east.rep1');
    await context.close();

    const salesContext = await fixture.browser.newContext();
    const salesPage = await salesContext.newPage();
    await loginAs(salesPage, fixture.baseUrl, 'east.rep1');
    await eventually(() => salesPage.getByTestId('welcome').innerText()).toContain('张小明');
    expect(await salesPage.locator('a[href="/settings/roles"]').count()).toBe(0);
    const status = await salesPage.evaluate(async () => (await fetch('/api/v1/roles')).status);
    expect(status).toBe(403);
    await salesContext.close();
  });

  it('the app renders under its Content-Security-Policy: no violation on sign-in and the main pages, injected script refused', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await loginAs(page, fixture.baseUrl, 'admin');
    await page.getByTestId('welcome').waitFor();
    for (const [path, rendered] of [
      ['/customers', 'customer-table'],
      ['/orders', 'order-table'],
      ['/settings/users', 'user-table'],
    ] as const) {
      await page.goto(`${fixture.baseUrl}${path}`);
      await page.getByTestId(rendered).waitFor();
    }
    expect(violations).toEqual([]);
    // The policy is in force, so the check above would see a violation: inline script does not run.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inlineRan = "yes"';
      document.head.append(script);
      return document.body.dataset.inlineRan === 'yes';
    });
    expect(ran).toBe(false);
    await eventually(() => violations.length).toBeGreaterThan(0);
    await context.close();
  });
});
