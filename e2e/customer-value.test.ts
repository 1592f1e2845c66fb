import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

describe('customer value in the browser', () => {
  it('the administrator computes the pyramid now, reads the ranked profit list and opens a customer’s value tab', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'admin');

    // The money reports sit in the folded 报表 group of the menu.
    await page.getByRole('menuitem', { name: '报表' }).click();
    await page.getByRole('menuitem', { name: '客户金字塔' }).click();
    await page.waitForURL(/\/finance\/pyramid$/);
    await answered(page, 'POST /jobs/customerValue.compute/run', page.getByTestId('pyramid-compute'));
    await page
      .getByText(/已计算 \d+ 个客户/)
      .first()
      .waitFor();
    const tiers = page.getByTestId('pyramid-table');
    for (const tier of ['铂金', '黄金', '铁', '铅'])
      await eventually(() => tiers.getByText(tier, { exact: true }).count()).toBe(1);
    await eventually(() => page.getByTestId('pyramid-computed-at').textContent()).toContain('计算时间');
    // A tier's count opens its customers, as many as counted, most profitable (lowest rank) first.
    const ironCount = Number(await page.getByTestId('pyramid-members-iron').textContent());
    await page.getByTestId('pyramid-members-iron').click();
    const members = page.getByTestId('pyramid-members').locator('tbody tr.ant-table-row');
    await eventually(() => members.count()).toBe(Math.min(ironCount, 50));
    const ranks = (await members.locator('td:first-child').allTextContents()).map(Number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    await page.keyboard.press('Escape');

    await page.getByRole('menuitem', { name: '利润贡献' }).click();
    await page.waitForURL(/\/finance\/profit$/);
    const rows = page.getByTestId('profit-table').locator('tbody tr.ant-table-row');
    await eventually(() => page.getByTestId('profit-totals').textContent()).toContain('合计');
    // Rank 1 is the most profitable customer; a click opens its page, whose value tab shows its contribution.
    await eventually(() => rows.first().locator('td').first().textContent()).toBe('1');
    await rows.first().click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await page.getByRole('tab', { name: '客户价值' }).click();
    await eventually(() => page.getByTestId('customer-value').textContent()).toContain('利润贡献');
    await page.getByTestId('customer-value-profit').waitFor();
    await context.close();
  });
});
