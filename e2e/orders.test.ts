import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 30 });
});
afterAll(() => fixture?.close());

describe('orders in the browser', () => {
  it('a salesperson enters and submits an order in yuan; finance confirms it from the to-confirm list and reads the credit report', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'east.rep1');
    const customer = await page.evaluate(async () => (await (await fetch('/api/v1/customers?limit=1')).json()).items[0]);
    await page.goto(`${fixture.baseUrl}/orders/new?customerId=${customer.id}`);
    await page.getByTestId('order-line-product').click();
    await page.keyboard.type('P-1001');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'P-1001' }).click();
    await page.getByTestId('order-line-quantity').fill('2');
    await page.getByTestId('order-line-price').fill('1250.50');
    await page.getByTestId('order-save').click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    // 2 × ¥1,250.50 (within the rep's 95 % authority) reaches the API as exact fen.
    await expect.poll(() => page.getByTestId('order-total').innerText(), { timeout: 15_000 }).toContain('2,501.00');
    const orderNo = await page.getByTestId('order-no').innerText();
    await page.getByTestId('order-submit').click();
    await expect.poll(() => page.getByTestId('order-status').first().innerText(), { timeout: 15_000 }).toBe('待确认');
    await context.close();

    const financeContext = await fixture.browser.newContext();
    const financePage = await financeContext.newPage();
    await loginAs(financePage, fixture.baseUrl, 'finance');
    await financePage.goto(`${fixture.baseUrl}/finance/orders-to-confirm`);
    await expect.poll(() => financePage.getByTestId('order-table').innerText(), { timeout: 15_000 }).toContain(orderNo);
    await financePage.getByRole('link', { name: orderNo }).click();
    await financePage.getByTestId('order-confirm').click();
    await expect.poll(() => financePage.getByTestId('order-status').first().innerText(), { timeout: 15_000 }).toBe('已确认');
    await financePage.goto(`${fixture.baseUrl}/finance/credit`);
    const top = await financePage.evaluate(async () => (await (await fetch('/api/v1/reports/credit')).json()).items[0]);
    await expect.poll(() => financePage.getByTestId('credit-report').innerText(), { timeout: 15_000 }).toContain(top.customerName);
    await financeContext.close();
  });
});
