import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

describe('members in the browser', () => {
  it('customer service opens a member from the list, redeems points and sees the ledger and balance move', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'service');
    const list = await api(page, 'GET', '/api/v1/members?limit=50');
    const member = list.items.find((m: { pointsBalance: number }) => m.pointsBalance > 100);
    expect(member).toBeDefined();

    await page.goto(`${fixture.baseUrl}/members`);
    await eventually(() => page.getByTestId('member-analytics').innerText()).toContain('会员总数');
    await page.getByTestId('member-table').getByText(member.memberNo).click();
    const detail = page.getByTestId('member-detail');
    await eventually(() => detail.innerText()).toContain(member.memberNo);

    await page.getByTestId('member-redeem').click();
    await page.getByTestId('member-points-input').fill('100');
    await page.getByTestId('member-points-reason').fill('兑换保温杯');
    await answered(page, 'POST /members/*/redeem', page.getByTestId('member-points-save'));
    await eventually(() => page.getByTestId('member-ledger').innerText()).toContain('兑换保温杯');
    await eventually(() => detail.innerText()).toContain((member.pointsBalance - 100).toLocaleString('zh-CN'));
    await context.close();
  });
});
