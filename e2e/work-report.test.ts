import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

describe('work reports in the browser', () => {
  it('east.rep1 writes and submits a daily report; east.manager scores it 4 with a comment; east.rep1 sees the score', async () => {
    // The salesperson writes today's report on a phone-sized screen.
    const repContext = await fixture.browser.newContext({ viewport: { width: 390, height: 844 } });
    const rep = await repContext.newPage();
    await loginAs(rep, fixture.baseUrl, 'east.rep1');
    await rep.goto(`${fixture.baseUrl}/work-reports/new?kind=daily`);
    await rep.getByTestId('report-counts').waitFor();
    await rep.getByTestId('report-work').fill('拜访了两家客户，电话跟进三家');
    await rep.getByTestId('report-plan').fill('明天给华东客户发报价');
    await rep.getByTestId('report-problems').fill('报价审批较慢');
    await rep.getByTestId('report-submit').click();
    await clickWhenStill(rep.getByTestId('report-submit-confirm'));
    await rep.waitForURL(/\/work-reports\/[0-9a-f-]{36}$/);
    await eventually(() => rep.getByTestId('report-status').textContent()).toBe('已提交');
    const reportId = rep.url().split('/').pop()!;

    // The manager opens the review queue and scores it.
    const managerContext = await fixture.browser.newContext();
    const manager = await managerContext.newPage();
    await loginAs(manager, fixture.baseUrl, 'east.manager');
    await manager.goto(`${fixture.baseUrl}/work-reports?view=review`);
    await manager.locator(`a[href="/work-reports/${reportId}"]`).click();
    await manager.getByTestId('report-review').waitFor();
    const author = await api(rep, 'GET', '/api/v1/auth/me');
    await eventually(async () => (await manager.getByTestId('breadcrumb').innerText()).replace(/\s+/g, ' ')).toContain(
      `${author.displayName} · `,
    );
    await eventually(() => manager.getByTestId('report-text-work').textContent()).toBe('拜访了两家客户，电话跟进三家');
    await manager.getByTestId('review-score').locator('.ant-rate-star').nth(3).click();
    await manager.getByTestId('review-comment').fill('客户跟进及时，报价要加快');
    await answered(manager, 'POST /work-reports/*/review', manager.getByTestId('review-submit'));
    await eventually(() => manager.getByTestId('report-status').textContent()).toBe('已点评');
    await managerContext.close();

    // The salesperson sees the score and the comment.
    await rep.goto(`${fixture.baseUrl}/work-reports/${reportId}`);
    await eventually(() => rep.getByTestId('report-score').textContent()).toBe('4');
    expect(await rep.getByTestId('report-review-comment').textContent()).toBe('客户跟进及时，报价要加快');
    await repContext.close();
  });
});
