import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

describe('work plans in the browser', () => {
  it('east.manager approves east.rep1’s plan only with a score, and the statistics show it', async () => {
    const repContext = await fixture.browser.newContext();
    const rep = await repContext.newPage();
    await loginAs(rep, fixture.baseUrl, 'east.rep1');
    const customers = await api(rep, 'GET', '/api/v1/customers?limit=2');
    const me = await api(rep, 'GET', '/api/v1/auth/me');
    const today = new Date().toISOString().slice(0, 10);
    const plan = await api(rep, 'POST', '/api/v1/work-plans', {
      kind: 'daily',
      period: today,
      items: [{ customerId: customers.items[0].id, kind: 'visit', purpose: '演示新品' }],
    });
    await api(rep, 'POST', `/api/v1/work-plans/${plan.id}/submit`, { version: plan.version });

    const managerContext = await fixture.browser.newContext();
    const manager = await managerContext.newPage();
    await loginAs(manager, fixture.baseUrl, 'east.manager');
    await manager.goto(`${fixture.baseUrl}/work-plans/${plan.id}`);
    await manager.getByTestId('plan-review').waitFor();
    // The breadcrumb names whose plan this is, not "详情".
    await eventually(async () => (await manager.getByTestId('breadcrumb').innerText()).replace(/\s+/g, ' ')).toContain(
      `${me.displayName} · `,
    );
    // Approving without a score is stopped with a message, and nothing is sent.
    await manager.getByTestId('plan-approve').click();
    await manager.getByText('批准前请给计划评分（1–5 分）').waitFor();
    expect(await manager.getByTestId('plan-status').textContent()).toBe('待审阅');
    await manager.getByTestId('plan-score-input').locator('.ant-rate-star').nth(3).click();
    await answered(manager, 'POST /work-plans/*/review', manager.getByTestId('plan-approve'));
    await eventually(() => manager.getByTestId('plan-status').textContent()).toBe('已批准');
    expect(await manager.getByTestId('plan-score').textContent()).toBe('4');

    // The report statistics page carries the plan assessment for the same range.
    await manager.goto(`${fixture.baseUrl}/work-reports/stats`);
    const row = manager.getByTestId('plan-stats').locator('tr', { hasText: me.displayName });
    await eventually(() => row.innerText()).toContain('4.0');
    expect((await row.innerText()).split(/\s+/).slice(-6, -1)).toEqual(['1', '1', '0', '0', '1']);
    await managerContext.close();

    // The author sees the score on the plan.
    await rep.goto(`${fixture.baseUrl}/work-plans/${plan.id}`);
    await eventually(() => rep.getByTestId('plan-score').textContent()).toBe('4');
    await repContext.close();
  });
});
