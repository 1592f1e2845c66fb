import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill, eventually } from './settle.js';
import { createConfirmedOrder } from './orders.fixtures.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

/** On hand of a demo product in 主仓, read through the API with the page's session. */
const onHandInMain = (page: Page, code: string) =>
  page.evaluate(async (productCode) => {
    const products = await (await fetch(`/api/v1/products?q=${productCode}`)).json();
    const stock = await (await fetch(`/api/v1/stock?productId=${products.items[0].id}`)).json();
    return stock.items.find((l: { warehouseName: string }) => l.warehouseName === '主仓')?.onHand ?? 0;
  }, code);

describe('stock in the browser', () => {
  it('the warehouse keeper records a receipt into 主仓 and sees the stock rise and the movement listed', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'warehouse');
    const before = await onHandInMain(page, 'P-1001');
    await page.getByRole('menuitem', { name: '库存' }).click();
    await page.getByRole('tab', { name: '出入库记录' }).click();
    await page.getByTestId('stock-new-movement').click();
    // A receipt into the default warehouse is preselected; pick the product and the quantity.
    await page.getByTestId('stock-movement-product').click();
    await clickWhenStill(page.locator('.ant-select-item-option[title="压力传感器 PT-100 (P-1001)"]'));
    await page.getByTestId('stock-movement-quantity').fill('7');
    await answered(page, 'POST /stock-movements', page.getByTestId('stock-movement-submit'));

    expect(await onHandInMain(page, 'P-1001')).toBe(before + 7);
    await eventually(() => page.getByTestId('stock-movement-table').textContent()).toContain('+7');

    await page.getByRole('tab', { name: '库存', exact: true }).click();
    await page.getByTestId('stock-search').locator('input').fill('P-1001');
    await page.getByTestId('stock-search').locator('input').press('Enter');
    await eventually(() => page.getByTestId('stock-level-table').textContent()).toContain(String(before + 7));
    await context.close();
  });

  it('finance confirms an order; the warehouse confirms its issue from the "to confirm" tab and the order ships', async () => {
    const financeContext = await fixture.browser.newContext();
    const financePage = await financeContext.newPage();
    await loginAs(financePage, fixture.baseUrl, 'finance');
    const order = await createConfirmedOrder(financePage, { productCode: 'P-1002', quantity: 1 });
    await financeContext.close();

    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'warehouse');
    await page.goto(`${fixture.baseUrl}/stock`);
    const row = page.getByTestId('stock-pending-table').locator('tr', { hasText: order.orderNo });
    await row.getByTestId('stock-confirm-issue').click();
    const confirm = page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ });
    await answered(page, 'POST /orders/*/ship', confirm);
    const status = await page.evaluate(
      async (id) => (await (await fetch(`/api/v1/orders/${id}`)).json()).status,
      order.id,
    );
    expect(status).toBe('shipped');
    await row.waitFor({ state: 'detached' });
    await context.close();
  });
});
