import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 10 });
});
afterAll(() => fixture?.close());

describe('离职交接 in the browser', () => {
  it('a sales manager hands over a leaving salesperson’s customers and work, and the account is deactivated', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'east.manager');
    const users = (await api(page, 'GET', '/api/v1/users/handover-candidates')).items as {
      id: string;
      displayName: string;
    }[];
    // A colleague who holds something (the demo deals customers out at random).
    let leaving = users[0]!;
    for (const user of users.filter((u) => u.displayName !== '张小明')) {
      const summary = await api(page, 'GET', `/api/v1/users/${user.id}/handover`);
      if (summary.groups.some((g: { count: number }) => g.count > 0)) {
        leaving = user;
        break;
      }
    }
    await page.goto(`${fixture.baseUrl}/settings/users`);
    await clickWhenStill(page.getByTestId('open-handover'));
    await page.waitForURL(/\/settings\/users\/handover/);
    await page.getByTestId('handover-user').click();
    await clickWhenStill(
      page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: leaving.displayName }).first(),
    );
    await eventually(() => page.getByTestId('handover-holds').innerText()).toContain(leaving.displayName);
    expect(await page.getByTestId('handover-summary').count()).toBe(1);
    await clickWhenStill(page.getByTestId('handover-next'));
    await page.getByTestId('handover-apply-all').click();
    await clickWhenStill(
      page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '张小明' }).first(),
    );
    await clickWhenStill(page.getByTestId('handover-next'));
    await eventually(() => page.getByTestId('handover-confirm').innerText()).toContain('张小明');
    await answered(page, 'POST /users/*/handover', page.getByTestId('handover-run'));
    await eventually(() => page.getByText('交接完成').count()).toBe(1);
    expect(await page.getByTestId('handover-result').innerText()).toContain('张小明');

    const summary = await api(page, 'GET', `/api/v1/users/${leaving.id}/handover`);
    expect(summary.user.disabled).toBe(true);
    expect(summary.groups.every((g: { count: number }) => g.count === 0)).toBe(true);
    await context.close();
  });
});
