import { afterAll, beforeAll, describe, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually, searchAndPick } from './settle.js';
import { confirmOrder } from './orders.fixtures.js';

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
    const customer = await page.evaluate(
      async () => (await (await fetch('/api/v1/customers?limit=1')).json()).items[0],
    );
    await page.goto(`${fixture.baseUrl}/orders/new?customerId=${customer.id}`);
    await searchAndPick(page, 'order-line-product', 'P-1001');
    await page.getByTestId('order-line-quantity').fill('2');
    await page.getByTestId('order-line-price').fill('1250.50');
    await answered(page, 'POST /orders', page.getByTestId('order-save'));
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    // 2 × ¥1,250.50 (within the rep's 95 % authority) reaches the API as exact fen.
    await eventually(() => page.getByTestId('order-total').innerText()).toContain('2,501.00');
    const orderNo = await page.getByTestId('order-no').innerText();
    await answered(page, 'POST /orders/*/submit', page.getByTestId('order-submit'));
    await eventually(() => page.getByTestId('order-status').first().innerText()).toBe('待确认');
    await context.close();

    const financeContext = await fixture.browser.newContext();
    const financePage = await financeContext.newPage();
    await loginAs(financePage, fixture.baseUrl, 'finance');
    await financePage.goto(`${fixture.baseUrl}/finance/orders-to-confirm`);
    await financePage.getByTestId('order-table').getByRole('link', { name: orderNo }).click();
    await answered(financePage, 'POST /orders/*/confirm', () => confirmOrder(financePage));
    await eventually(() => financePage.getByTestId('order-status').first().innerText()).toBe('已确认');
    await financePage.goto(`${fixture.baseUrl}/finance/credit`);
    const top = await financePage.evaluate(async () => (await (await fetch('/api/v1/reports/credit')).json()).items[0]);
    await eventually(() => financePage.getByTestId('credit-report').innerText()).toContain(top.customerName);
    await financeContext.close();
  });
});
