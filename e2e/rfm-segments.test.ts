import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

describe('RFM segments in the browser', () => {
  it('a segment of the matrix opens the customer list filtered by it, and the customer page names the segment', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'admin');

    await page.getByRole('menuitem', { name: '报表' }).click();
    await page.getByRole('menuitem', { name: 'RFM 客户分群' }).click();
    await page.waitForURL(/\/reports\/rfm$/);
    // The demo's first snapshot is computed at seeding: the eight segments are there by name.
    const matrix = page.getByTestId('rfm-matrix');
    await eventually(() => matrix.getByText('重要价值客户', { exact: true }).count()).toBe(1);
    await eventually(() => matrix.getByText('一般挽留客户', { exact: true }).count()).toBe(1);
    const link = matrix.locator('a').first();
    const card = link.locator('[data-testid^="rfm-segment-"]');
    const segment = (await card.getAttribute('data-testid'))!.replace('rfm-segment-', '');
    const name = (await card.locator('strong').first().textContent())!;
    await link.click();
    await page.waitForURL(new RegExp(`/customers\\?rfmSegment=${segment}$`));
    await eventually(() => page.getByTestId('customer-filter-rfmSegment').textContent()).toContain(name);

    // Every listed customer is of that segment (its summary says so).
    const rows = page.locator('tbody tr.ant-table-row');
    await eventually(() => rows.count()).toBeGreaterThan(0);
    await rows.first().locator('td').nth(1).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByTestId('summary-rfm').textContent()).toBe(name);
    await page.getByRole('tab', { name: '客户价值' }).click();
    await eventually(() => page.getByTestId('customer-rfm-scores').textContent()).toMatch(
      /^R [1-5] · F [1-5] · M [1-5]$/,
    );
    expect(await page.getByTestId('customer-rfm').textContent()).toContain(name);
    await context.close();
  });
});
