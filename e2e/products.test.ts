import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 5 });
});
afterAll(() => fixture?.close());

describe('products in the browser', () => {
  it('finance adds a product with prices typed in yuan and edits the price authority; a salesperson only reads', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'finance');
    await page.goto(`${fixture.baseUrl}/products`);
    // The demo catalog is there, with its categories.
    await eventually(() => page.getByTestId('product-table').innerText()).toContain('P-1001');
    await eventually(() => page.locator('body').innerText()).toContain('工业传感器');

    await page.getByTestId('product-new').click();
    await page.getByTestId('product-code').fill('P-9001');
    await page.getByTestId('product-name').fill('浏览器测试网关');
    await page.getByTestId('product-unit').fill('台');
    await page.getByTestId('product-list-price').fill('1288.50');
    await page.getByTestId('product-cost-price').fill('700');
    await answered(page, 'POST /products', page.getByTestId('product-submit'));
    const findNew = () =>
      page.evaluate(async () => {
        const list = await (await fetch('/api/v1/products?q=P-9001')).json();
        return list.items[0] ?? null;
      });
    // Yuan with two decimals reach the API as exact fen.
    expect(await findNew()).toMatchObject({ listPriceFen: 128_850, costPriceFen: 70_000 });

    await page.goto(`${fixture.baseUrl}/settings/price-authority`);
    const table = page.getByTestId('price-authority-table');
    await eventually(() => table.innerText()).toContain('销售员');
    // Clear one rule and save the whole matrix: the API holds one row fewer.
    const before = await page.evaluate(
      async () => (await (await fetch('/api/v1/price-authorities')).json()).items.length,
    );
    await page.getByTestId('price-authority-cell').first().getByRole('button', { name: '清除' }).click();
    await answered(page, 'PUT /price-authorities', page.getByTestId('price-authority-save'));
    const after = await page.evaluate(
      async () => (await (await fetch('/api/v1/price-authorities')).json()).items.length,
    );
    expect(after).toBe(before - 1);
    await context.close();

    const salesContext = await fixture.browser.newContext();
    const salesPage = await salesContext.newPage();
    await loginAs(salesPage, fixture.baseUrl, 'east.rep1');
    await salesPage.goto(`${fixture.baseUrl}/products`);
    await eventually(() => salesPage.getByTestId('product-table').innerText()).toContain('P-9001');
    expect(await salesPage.getByTestId('product-new').count()).toBe(0);
    expect(await salesPage.locator('a[href="/settings/price-authority"]').count()).toBe(0);
    await salesContext.close();
  });
});
