import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 80 });
});
afterAll(() => fixture?.close());

describe('relationship phases in the browser', () => {
  it('east.manager goes from the board’s decline count to a declining customer and decides to win it back', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'east.manager');
    const summary = await api(page, 'GET', '/api/v1/relationship/summary');
    const declining = summary.phases.find((p: { phase: string }) => p.phase === 'decline').count;
    expect(declining).toBeGreaterThan(0);

    await page.goto(`${fixture.baseUrl}/lifecycle`);
    const declineCount = page.getByTestId('phase-count-decline');
    await eventually(() => declineCount.innerText()).toContain(String(declining));
    await declineCount.click();
    await page.waitForURL((url) => url.searchParams.get('relationshipPhase') === 'decline');
    await eventually(() => page.getByTestId('customer-total').innerText()).toContain(String(declining));
    await page.locator('.ant-table-row').first().click();

    const card = page.getByTestId('relationship-card');
    await eventually(() => card.getByTestId('relationship-phase').innerText()).toBe('衰退期');
    // The reason says what changed, with numbers: never a code.
    expect(await card.getByTestId('relationship-reason').innerText()).toMatch(/\d+ 天/);
    await card.getByTestId('decline-decide').click();
    await page.getByTestId('decline-reason').fill('老客户，价格敏感，先电话再给优惠');
    await answered(page, 'POST /customers/*/decline-decisions', page.getByTestId('decline-decision-submit'));
    await eventually(() => card.innerText()).toContain('决策记录');
    expect(await card.innerText()).toContain('挽回');
    await expect(card.getByTestId('decline-decide').count()).resolves.toBe(0);
    await context.close();
  });
});
