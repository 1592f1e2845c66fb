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
    const leaving = users.find((u) => u.displayName === '刘小红')!;
    // The leaving salesperson's own work: a customer of theirs and a task.
    const repContext = await fixture.browser.newContext();
    const rep = await repContext.newPage();
    await loginAs(rep, fixture.baseUrl, 'east.rep2');
    await api(rep, 'POST', '/api/v1/customers', { kind: 'company', name: '交接测试有限公司' });
    await api(rep, 'POST', '/api/v1/tasks', { title: '给交接测试回电话' });
    await repContext.close();
    await page.goto(`${fixture.baseUrl}/settings/users`);
    await clickWhenStill(page.getByTestId('open-handover'));
    await page.waitForURL(/\/settings\/users\/handover/);
    await page.getByTestId('handover-user').click();
    await clickWhenStill(
      page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: leaving.displayName }).first(),
    );
    await eventually(() => page.getByTestId('handover-holds').innerText()).toContain(leaving.displayName);
    expect(await page.getByTestId('handover-holds').innerText()).toMatch(/名下共有 \d+ 条/);
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
