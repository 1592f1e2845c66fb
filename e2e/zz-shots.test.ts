import { afterAll, beforeAll, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { clickWhenStill } from './settle.js';

let fixture: BrowserFixture;
beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

it('screenshots', async () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const [w, h] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      const context = await fixture.browser.newContext({ viewport: { width: w, height: h } });
      const page = await context.newPage();
      await loginAs(page, fixture.baseUrl, 'admin');
      await api(page, 'PATCH', '/api/v1/auth/me', { locale });
      const list = await api(page, 'GET', '/api/v1/opportunities?status=open');
      const withCompetitor = list.items[list.items.length - 1];
      const tag = `${locale}-${w}`;
      await page.goto(`${fixture.baseUrl}/opportunities/${withCompetitor.id}`);
      await page.getByTestId('opportunity-competitors').waitFor();
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/shots-competitors/detail-${tag}.png`, fullPage: true });
      await page.getByTestId('opportunity-competitors').screenshot({ path: `/tmp/shots-competitors/competitors-${tag}.png` });
      await page.getByTestId('opportunity-lose').click();
      await page.getByTestId('close-opportunity-loss-reason').click();
      await clickWhenStill(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').nth(1));
      await page.waitForTimeout(500);
      await page.screenshot({ path: `/tmp/shots-competitors/lose-${tag}.png` });
      await page.goto(`${fixture.baseUrl}/settings/loss-reasons`);
      await page.getByTestId('loss-reason').first().waitFor();
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/shots-competitors/settings-${tag}.png`, fullPage: true });
      await page.goto(`${fixture.baseUrl}/opportunities/loss-report`);
      await page.getByTestId('loss-win-rates').waitFor();
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `/tmp/shots-competitors/report-${tag}.png`, fullPage: true });
      await page.goto(`${fixture.baseUrl}/opportunities?status=lost&lossReasonId=none`);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `/tmp/shots-competitors/list-${tag}.png`, fullPage: true });
      await context.close();
    }
  }
}, 600_000);
