import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

/** Types `q` into the list's search box and presses Enter, waiting for the search it sends. */
async function searchFor(page: Page, q: string): Promise<void> {
  await page.getByTestId('customer-search').fill(q);
  await answered(page, `GET /customers?${new URLSearchParams({ q })}`, () =>
    page.getByTestId('customer-search').press('Enter'),
  );
}

/**
 * Saves the open "new customer" drawer and, once it is saved and closed, searches the list. Searching
 * while the drawer still waits for the server would type into a page the drawer still covers.
 */
async function createAndSearch(page: Page, q: string): Promise<void> {
  await answered(page, 'POST /customers', page.getByTestId('customer-submit'));
  await page.getByTestId('customer-name').waitFor({ state: 'detached' });
  await searchFor(page, q);
}

describe('customers in the browser', () => {
  it('editing a company into a person clears its company details and keeps what the form does not show', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'east.rep1');
    const created = await api(page, 'POST', '/api/v1/customers', {
      kind: 'company',
      name: `改为个人${Date.now()}`,
      industry: 'manufacturing',
      website: 'example.com',
      province: '浙江省',
      city: '杭州',
      regionCode: '330100',
    });
    await page.goto(`${fixture.baseUrl}/customers/${created.id}`);
    await page.getByTestId('customer-edit').click();
    await page.getByTestId('customer-kind').getByText('个人').click();
    await page.getByTestId('customer-website').waitFor({ state: 'detached' });
    await page.getByTestId('customer-name').fill(`${created.name} 先生`);
    await answered(page, `PATCH /customers/${created.id}`, page.getByTestId('customer-submit'));
    const after = await api(page, 'GET', `/api/v1/customers/${created.id}`);
    expect(after).toMatchObject({ kind: 'person', name: `${created.name} 先生`, city: '杭州', regionCode: '330100' });
    // Cleared: the person form sends null for them (validation coerces null to '' for a plain text field).
    expect([after.industry || null, after.website, after.province || null]).toEqual([null, null, null]);
    await context.close();
  });

  it('a salesperson switches language, creates a customer and finds it; a colleague does not see it', async () => {
    const name = `浏览器测试${Date.now()}贸易有限公司`;
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // The site root answers with the app, which sends a visitor without a session to the login page.
    const root = await page.goto(fixture.baseUrl);
    expect(root?.status()).toBe(200);
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    await loginAs(page, fixture.baseUrl, 'east.rep1');
    await eventually(() => page.locator('body').innerText()).toContain('客户');

    // The page switches at once and saves the choice on the profile in the background: wait for both.
    await answered(page, 'PATCH /auth/me', page.getByTestId('lang-switch'));
    await eventually(() => page.locator('body').innerText()).toContain('Customers');
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    expect(me.locale).toBe('en');

    await page.goto(`${fixture.baseUrl}/customers`);
    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-name').fill(name);
    await page.getByTestId('customer-phone').fill('12345');
    await clickWhenStill(page.getByTestId('customer-submit'));
    // The phone rule shows its message next to the field and nothing is created.
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await page.getByTestId('customer-phone').fill('13800138000');
    await createAndSearch(page, name);
    await eventually(() => page.getByTestId('customer-table').innerText()).toContain(name);

    // security B3: text with markup renders as text.
    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-name').fill('<img src=x onerror=alert(1)>');
    await createAndSearch(page, 'img');
    await eventually(() => page.getByTestId('customer-table').innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(dialogs).toEqual([]);
    await context.close();

    const other = await fixture.browser.newContext();
    const page2 = await other.newPage();
    await loginAs(page2, fixture.baseUrl, 'east.rep2');
    await page2.goto(`${fixture.baseUrl}/customers`);
    await searchFor(page2, name);
    await eventually(() => page2.getByTestId('customer-table').innerText()).not.toContain('浏览器测试');
    const search = await page2.evaluate(
      async (q) => (await fetch(`/api/v1/customers?q=${encodeURIComponent(q)}`)).json(),
      name,
    );
    expect(search.items).toHaveLength(0);
    await other.close();
  });
});
