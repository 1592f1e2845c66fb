// Screenshots of the hand-over wizard (not a test): npx tsx e2e/handover-shots.script.ts
import { api, loginAs, startBrowserFixture } from './browser.js';

const out = process.env.SHOTS_DIR ?? '/tmp/shots-handover';
const fixture = await startBrowserFixture({ customerCount: 40 });
try {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const [w, h] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      const context = await fixture.browser.newContext({ viewport: { width: w, height: h } });
      const page = await context.newPage();
      await loginAs(page, fixture.baseUrl, 'admin');
      await api(page, 'PATCH', '/api/v1/auth/me', { locale });
      const users = (await api(page, 'GET', '/api/v1/users/handover-candidates')).items as {
        id: string;
        displayName: string;
      }[];
      const tag = `${locale}-${w}`;
      // A different leaving user per run: each run ends by deactivating them.
      const name = { 'zh-CN-1440': '黄大伟', 'zh-CN-390': '张小明', 'en-1440': '刘小红', 'en-390': '陈经理' }[tag]!;
      const leaving = users.find((u) => u.displayName === name)!;
      await page.goto(`${fixture.baseUrl}/settings/users`);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `${out}/0-users-${tag}.png`, fullPage: true });
      await page.goto(`${fixture.baseUrl}/settings/users/handover?user=${leaving.id}`);
      await page.waitForTimeout(2000);
      await page
        .locator('.ant-collapse-header')
        .first()
        .click()
        .catch(() => undefined);
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${out}/1-pick-${tag}.png`, fullPage: true });
      await page.getByTestId('handover-next').click();
      await page.waitForTimeout(500);
      await page.getByTestId('handover-next').click();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${out}/2-targets-missing-${tag}.png`, fullPage: true });
      await page.getByTestId('handover-apply-all').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${out}/2-targets-${tag}.png`, fullPage: true });
      await page.getByTestId('handover-next').click();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${out}/3-confirm-${tag}.png`, fullPage: true });
      await page.getByTestId('handover-run').click();
      await page.waitForTimeout(3000);
      await page.screenshot({ path: `${out}/4-result-${tag}.png`, fullPage: true });
      await context.close();
    }
  }
} finally {
  await fixture.close();
}
