import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { createConfirmedOrder } from './orders.fixtures.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

describe('payments in the browser', () => {
  it('finance records a payment in yuan against a confirmed order; the order owes less and ageing shows the rest', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'finance');
    // A confirmed order through the API (the order screens are the orders module's).
    const order = await createConfirmedOrder(page, { productCode: 'P-1002', quantity: 2 });

    await page.getByRole('menuitem', { name: '回款' }).click();
    await page.getByTestId('payment-new').click();
    await page.getByTestId('payment-order').click();
    await page.keyboard.type(order.orderNo);
    await page.locator('.ant-select-item-option', { hasText: order.orderNo }).click();
    await page.getByTestId('payment-amount').fill('12.34');
    await page.getByTestId('payment-submit').click();

    const paidFen = () =>
      page.evaluate(async (id) => (await (await fetch(`/api/v1/orders/${id}`)).json()).paidFen as number, order.id);
    // Yuan typed with two decimals reach the API as exact fen.
    await expect.poll(paidFen, { timeout: 15_000 }).toBe(1_234);
    await expect
      .poll(() => page.getByTestId('payment-table').textContent(), { timeout: 15_000 })
      .toContain(order.orderNo);

    await page.getByRole('menuitem', { name: '应收账龄' }).click();
    await expect
      .poll(() => page.getByTestId('ageing-table').textContent(), { timeout: 15_000 })
      .toContain('总计');
    await context.close();
  });
});
