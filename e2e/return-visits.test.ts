import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe('return visits in the browser', () => {
  it('customer service calls back an overdue customer, scores the call low, and finds it among the done', async () => {
    const context = await fixture.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'service');
    const customers = (await api(page, 'GET', '/api/v1/customers?limit=1')).items as { id: string; name: string }[];
    const customer = customers[0]!;
    await api(page, 'POST', '/api/v1/return-visits', { customerId: customer.id, dueDate: yesterday() });

    await page.goto(`${fixture.baseUrl}/return-visits`);
    const card = page.getByTestId('return-visit-table').getByTestId('phone-card').filter({ hasText: customer.name });
    await eventually(() => card.first().innerText()).toContain('已逾期');
    // On a phone the list is cards, and nothing runs off the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);

    await clickWhenStill(card.first().getByTestId('return-visit-record'));
    // Reached (the default) needs a score: two stars, and what the customer said.
    await clickWhenStill(page.getByTestId('return-visit-satisfaction').locator('.ant-rate-star').nth(1));
    await page.getByPlaceholder('客户的反馈、问题与建议').fill('安装延误，客户不太满意');
    const saved = await answered(page, 'POST /return-visits/*/record', page.getByTestId('return-visit-record-ok'));
    expect(await saved.json()).toMatchObject({ status: 'done', satisfaction: 2, isLowScore: true });

    // Among the done visits it shows the outcome, the low-score flag and the notes.
    await page.getByTestId('return-visit-status').click();
    await clickWhenStill(
      page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '已回访' }),
    );
    const done = page.getByTestId('return-visit-table').getByTestId('phone-card').filter({ hasText: customer.name });
    await eventually(() => done.first().innerText()).toContain('低分');
    expect(await done.first().innerText()).toContain('安装延误');
    await context.close();
  });
});
