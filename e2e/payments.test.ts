import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually, searchAndPick } from './settle.js';
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
    await searchAndPick(page, 'payment-order', order.orderNo);
    await page.getByTestId('payment-amount').fill('12.34');
    await answered(page, 'POST /payments', page.getByTestId('payment-submit'));

    const paidFen = () =>
      page.evaluate(async (id) => (await (await fetch(`/api/v1/orders/${id}`)).json()).paidFen as number, order.id);
    // Yuan typed with two decimals reach the API as exact fen.
    expect(await paidFen()).toBe(1_234);
    await eventually(() => page.getByTestId('payment-table').textContent()).toContain(order.orderNo);

    await page.getByRole('menuitem', { name: '报表' }).click();
    await page.getByRole('menuitem', { name: '应收账龄' }).click();
    await eventually(() => page.getByTestId('ageing-table').textContent()).toContain('总计');
    await context.close();
  });
});
