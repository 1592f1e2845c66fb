import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

/** Picks an option of an antd Select by its visible label (the dropdown renders in a portal). */
async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await clickWhenStill(
    page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: label }),
  );
}

describe('losing an opportunity in the browser', () => {
  it('a salesperson records a competitor, loses the deal to it and finds it in the loss analysis', async () => {
    const context = await fixture.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'east.rep1');
    const opportunity = await page.evaluate(async () => {
      const customers = await (await fetch('/api/v1/customers?limit=1')).json();
      const response = await fetch('/api/v1/opportunities', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
        body: JSON.stringify({ customerId: customers.items[0].id, name: '输单浏览器测试', amountFen: 6_600_000 }),
      });
      return response.json();
    });
    const opportunityOf = (id: string) => fetch(`/api/v1/opportunities/${id}`).then((r) => r.json());

    // A competitor typed by name (free entry) joins the list when the card is saved.
    await page.goto(`${fixture.baseUrl}/opportunities/${opportunity.id}`);
    await page.getByTestId('competitor-add').click();
    await page.getByTestId('competitor-name').locator('input').fill('浏览器对手科技');
    await answered(page, 'PUT /opportunities/*/competitors', page.getByTestId('competitors-save'));

    // Lost without a reason is refused in the form; with "lost to a competitor" the competitor is needed.
    await page.getByTestId('opportunity-lose').click();
    await clickWhenStill(page.getByTestId('close-opportunity-ok'));
    await eventually(() => page.locator('.ant-form-item-explain-error').first().textContent()).toBe('请选择输单原因');
    await pickOption(page, 'close-opportunity-loss-reason', '输给竞争对手');
    await pickOption(page, 'close-opportunity-competitor', '浏览器对手科技');
    await page.getByTestId('close-opportunity-text').fill('对方报价低 15%');
    await answered(page, 'POST /opportunities/*/lost', page.getByTestId('close-opportunity-ok'));
    expect(await page.evaluate(opportunityOf, opportunity.id)).toMatchObject({
      status: 'lost',
      lossReasonName: '输给竞争对手',
      lostToCompetitorName: '浏览器对手科技',
      closeReason: '对方报价低 15%',
    });
    await eventually(() => page.getByTestId('opportunity-details').textContent()).toContain('浏览器对手科技');

    // The loss analysis counts it under its competitor; a click lists exactly those lost deals.
    await page.goto(`${fixture.baseUrl}/opportunities/loss-report`);
    const byCompetitor = page.getByTestId('loss-table-lostToCompetitorId');
    const row = byCompetitor.locator('tr', { hasText: '浏览器对手科技' });
    await eventually(() => row.textContent()).toContain('¥66,000.00');
    await clickWhenStill(row);
    await eventually(() => page.getByTestId('opportunity-loss-filter').textContent()).toContain('浏览器对手科技');
    await eventually(() => page.getByTestId('opportunity-table').textContent()).toContain('输单浏览器测试');
    expect(await page.getByTestId('opportunity-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    await context.close();
  });
});
