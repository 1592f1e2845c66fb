import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, signedInPages, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually, searchAndPick } from './settle.js';

let fixture: BrowserFixture;
const pages = signedInPages(() => fixture);
const pageAs = (username: string) => pages.pageAs(username);

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 30 });
});
afterAll(async () => {
  await pages.closeAll();
  await fixture?.close();
});

/** One of the rep's own customers that is not lost (orders need an owner). */
async function ownCustomer(page: Page, skip = 0): Promise<{ id: string; name: string }> {
  const me = await api(page, 'GET', '/api/v1/auth/me');
  const list = await api(page, 'GET', '/api/v1/customers?limit=200');
  return list.items.filter((c: { ownerId: string; stage: string }) => c.ownerId === me.id && c.stage !== 'lost')[skip];
}

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

describe('order entry with guidance (issue 14 §7)', () => {
  it('shows unit, stock, list price and the rep’s floor per line, and warns live when a price needs approval', async () => {
    const page = await pageAs('east.rep1');
    const customer = await ownCustomer(page);
    await page.goto(`${fixture.baseUrl}/orders/new?customerId=${customer.id}`);
    await searchAndPick(page, 'order-line-product', 'P-1001');
    const products = await api(page, 'GET', '/api/v1/products?q=P-1001');
    const productId = products.items[0].id as string;
    const guide = await api(page, 'POST', '/api/v1/orders/price-guide', {
      customerId: customer.id,
      productIds: [productId],
    });
    const line = guide.products[0];
    const row = page.getByTestId('order-line').first();
    await eventually(() => row.innerText()).toContain(yuan(line.floorFen));
    const text = await row.innerText();
    expect(text).toContain(line.unit);
    expect(text).toContain(yuan(line.listPriceFen));
    expect(text).toContain(line.availableQuantity.toLocaleString('en-US'));
    await expect.poll(() => page.getByTestId('order-floor-basis').innerText()).toMatch(/底价按客户当前阶段「.+」/);

    // One fen under the floor: the line says so before anything is submitted, naming the floor.
    await page.getByTestId('order-line-quantity').fill('2');
    await page.getByTestId('order-line-price').fill(((line.floorFen - 1) / 100).toFixed(2));
    await eventually(() => page.getByTestId('order-line-below-floor').innerText()).toBe(
      `低于您的价格权限，需要审批（底价 ${yuan(line.floorFen)}）`,
    );
    await eventually(() => page.getByTestId('order-needs-approval').innerText()).toContain('1 行低于价格权限');
    // Margin preview: (price − cost) × 2.
    const margin = (line.floorFen - 1 - line.costPriceFen) * 2;
    await eventually(() => page.getByTestId('order-form-margin').innerText()).toContain(
      `${margin < 0 ? '-' : ''}${yuan(Math.abs(margin))}`,
    );
    // At the floor the warning goes away.
    await page.getByTestId('order-line-price').fill((line.floorFen / 100).toFixed(2));
    await eventually(() => page.getByTestId('order-line-below-floor').count()).toBe(0);
    await eventually(() => page.getByTestId('order-needs-approval').count()).toBe(0);
    // More than the warehouse can give is flagged too (not blocked: stock is reserved on confirmation).
    await page.getByTestId('order-line-quantity').fill(String(line.availableQuantity + 1));
    await eventually(() => page.getByTestId('order-line-stock-short').innerText()).toContain(
      `可用 ${line.availableQuantity}`,
    );
  });

  it('a follow-up is written on the opportunity, winning it offers the order, and the order names the opportunity', async () => {
    const page = await pageAs('east.rep1');
    const customer = await ownCustomer(page, 1);
    const opportunity = await api(page, 'POST', '/api/v1/opportunities', {
      customerId: customer.id,
      name: '展厅升级项目',
      amountFen: 12_000_000,
    });
    await page.goto(`${fixture.baseUrl}/opportunities/${opportunity.id}`);
    const followUps = page.getByTestId('opportunity-follow-ups');
    await followUps.getByTestId('follow-up-log').click();
    await page.getByTestId('follow-up-content').fill('技术交流，客户要求下周报价');
    await answered(page, 'POST /follow-ups', page.getByTestId('follow-up-submit'));
    await eventually(() => followUps.getByTestId('follow-up-entry').allInnerTexts()).toEqual([
      expect.stringContaining('技术交流，客户要求下周报价'),
    ]);
    const listed = await api(page, 'GET', `/api/v1/follow-ups?opportunityId=${opportunity.id}`);
    expect(listed.items).toMatchObject([{ opportunityId: opportunity.id, customerId: customer.id }]);

    await page.getByTestId('opportunity-win').click();
    await answered(page, 'POST /opportunities/*/won', page.getByTestId('close-opportunity-ok'));
    await page.getByTestId('opportunity-won-order').click();
    await page.waitForURL(/\/orders\/new\?/);
    await eventually(() => page.getByTestId('order-opportunity').innerText()).toContain('展厅升级项目');
    await searchAndPick(page, 'order-line-product', 'P-1001');
    await answered(page, 'POST /orders', page.getByTestId('order-save'));
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByTestId('order-opportunity-link').innerText()).toBe('展厅升级项目');
    const orderNo = await page.getByTestId('order-no').innerText();
    // The crumb names the record, not "详情".
    await eventually(() => page.getByTestId('breadcrumb').innerText()).toMatch(new RegExp(`订单\\s*/\\s*${orderNo}$`));

    await page.getByTestId('order-opportunity-link').click();
    await eventually(() => page.getByTestId('opportunity-orders').innerText()).toContain(orderNo);

    // The quotation prints from the opportunity: the order's lines, its total in figures and in capitals.
    await page.getByTestId('opportunity-order-quote').click();
    await eventually(() => page.getByTestId('order-print-title').innerText()).toBe('报价单');
    const order = (await api(page, 'GET', `/api/v1/orders?opportunityId=${opportunity.id}`)).items[0];
    expect(await page.getByTestId('order-print').innerText()).toContain(orderNo);
    expect(await page.getByTestId('order-print-total').innerText()).toBe(yuan(order.totalFen));
    expect(await page.getByTestId('order-print-words').innerText()).toMatch(/（大写：.+元.*）/);
    // On paper only the sheet remains: the menu and the buttons are not printed.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('order-print-button').isVisible()).toBe(false);
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
  });

  it('dates a new order by the organization’s calendar, not the device’s: a rep whose browser is in Los Angeles', async () => {
    const context = await fixture.browser.newContext({ timezoneId: 'America/Los_Angeles' });
    try {
      const page = await context.newPage();
      await loginAs(page, fixture.baseUrl, 'east.rep1');
      const customer = await ownCustomer(page);
      await page.goto(`${fixture.baseUrl}/orders/new?customerId=${customer.id}`);
      // The demo organization keeps Shanghai's calendar; from 16:00 to 08:00 UTC its day differs from Los Angeles'.
      const shanghaiToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      await eventually(() => page.locator('#orderDate').inputValue()).toBe(shanghaiToday);
    } finally {
      await context.close();
    }
  });
});
