import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { clickWhenStill, eventually, still } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

const RECORD_PATH = /\/customers\/[0-9a-f-]{36}$/;

/** How far the page is wider than the window (0 when nothing scrolls sideways). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Opens a path and waits for the element (a test id, or a CSS selector) that says the page has its data. */
async function open(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(`${fixture.baseUrl}${path}`);
  await (ready.startsWith('[') ? page.locator(ready) : page.getByTestId(ready)).first().waitFor();
  await still(page);
}

describe('navigation and the phone shell in the browser', () => {
  it('on a 390 px phone a salesperson walks the main pages without sideways scrolling, uses the menu drawer and meets the 403 page', async () => {
    const context = await fixture.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'east.rep1');

    const pages: [path: string, ready: string][] = [
      ['/', 'welcome'],
      ['/customers', 'phone-card'],
      ['/inbox', '[data-testid=inbox-item], [data-testid=inbox-empty]'],
      // The stored to-dos page is part of the inbox now.
      ['/todos', 'inbox-done-todos'],
      ['/approvals', 'approval-table'],
      ['/orders', 'order-table'],
      ['/check-in', 'check-in-customer'],
      ['/lifecycle', 'board-range'],
    ];
    for (const [path, ready] of pages) {
      await open(page, path, ready);
      expect(await overflow(page), path).toBeLessThanOrEqual(0);
    }

    // The customer list is a list of cards; a tap opens the customer, whose name heads the page.
    await open(page, '/customers', 'phone-card');
    const firstName = (await page.getByTestId('phone-card').first().locator('strong').first().innerText()).trim();
    await page.getByTestId('phone-card').first().click();
    await page.waitForURL(RECORD_PATH);
    await eventually(() => page.getByTestId('customer-title').innerText()).toBe(firstName);
    const title = await page.getByTestId('customer-title').boundingBox();
    expect(title!.y).toBeLessThan(200);
    await still(page);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    // The filters fold into one 筛选 button that opens a drawer.
    await open(page, '/customers', 'phone-card');
    expect(await page.getByTestId('customer-filter-stage').isVisible()).toBe(false);
    await clickWhenStill(page.getByTestId('customer-filter-open'));
    await page.getByTestId('customer-filter-stage').waitFor();

    // The menu is a drawer behind the hamburger; choosing a page closes it.
    await open(page, '/', 'welcome');
    expect(await page.getByTestId('app-menu').count()).toBe(0);
    await clickWhenStill(page.getByTestId('menu-open'));
    const drawer = page.getByTestId('menu-drawer');
    await drawer.getByTestId('app-menu').waitFor();
    await clickWhenStill(drawer.getByRole('menuitem', { name: '订单与财务' }));
    // (A menu item's accessible name also holds its icon's label, so the text picks it.)
    await clickWhenStill(drawer.locator('.ant-menu-item', { hasText: /^订单$/ }));
    await page.waitForURL((url) => url.pathname === '/orders');
    await eventually(() => drawer.isVisible()).toBe(false);

    // A page the role may not open is the 403 page, not the shell with an error in it.
    await page.goto(`${fixture.baseUrl}/settings/roles`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('forbidden').innerText()).toContain('您没有访问此页面的权限');
    expect(await page.getByTestId('role-table').count()).toBe(0);
    await context.close();
  });

  it('on a desktop the menu is grouped by the work, the sider stays put, pages open at the top and a record shows where it is', async () => {
    const context = await fixture.browser.newContext({ viewport: { width: 1440, height: 500 } });
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'east.rep1');
    await page.getByTestId('welcome').waitFor();

    const groups = await page.locator('[data-testid=app-menu] .ant-menu-submenu-title').allInnerTexts();
    // 服务: the complaints and return visits of their own customers.
    expect(groups.map((text) => text.trim())).toEqual(['工作台', '客户', '销售', '订单与财务', '服务', '报表']);
    // A salesperson has no settings to change: no settings group at all.
    expect(groups.join()).not.toContain('设置');

    // The page scrolls under a sider that does not move; the next page opens at its top.
    await open(page, '/customers', 'customer-table');
    await page.evaluate(() => window.scrollTo(0, 400));
    await eventually(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect((await page.getByTestId('app-sider').boundingBox())!.y).toBe(0);
    await page.getByRole('menuitem', { name: '销售' }).click();
    await clickWhenStill(page.getByRole('menuitem', { name: '商机' }));
    await page.waitForURL((url) => url.pathname === '/opportunities');
    await eventually(() => page.evaluate(() => window.scrollY)).toBe(0);

    // A customer's page says where it sits; the list's crumb leads back.
    await open(page, '/customers', 'customer-table');
    await page.getByTestId('customer-table').locator('tbody tr.ant-table-row').first().click();
    await page.waitForURL(RECORD_PATH);
    const crumbs = page.getByTestId('breadcrumb');
    // The crumb names the customer (not "详情") once the page has it.
    const name = await page.getByTestId('customer-title').innerText();
    await eventually(async () => (await crumbs.innerText()).replace(/\s+/g, ' ')).toBe(`客户 / ${name}`);
    await crumbs.getByRole('link', { name: '客户' }).click();
    await page.waitForURL((url) => url.pathname === '/customers');
    await context.close();
  });

  it('the warehouse keeper starts on the stock and finance on the orders to confirm', async () => {
    for (const [username, home] of [
      ['warehouse', '/stock'],
      ['finance', '/finance/orders-to-confirm'],
    ] as const) {
      const context = await fixture.browser.newContext();
      const page = await context.newPage();
      await loginAs(page, fixture.baseUrl, username);
      await page.waitForURL((url) => url.pathname === home);
      await context.close();
    }
  });
});
