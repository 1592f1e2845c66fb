import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

describe('opportunity board in the browser', () => {
  it('a salesperson drags a card to a stage, then to won and confirms: the card leaves and the deal is won', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'east.rep1');
    const opportunity = await page.evaluate(async () => {
      const customers = await (await fetch('/api/v1/customers?limit=1')).json();
      const response = await fetch('/api/v1/opportunities', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
        body: JSON.stringify({
          customerId: customers.items[0].id,
          name: '浏览器测试项目',
          amountFen: 8_800_000,
          expectedCloseDate: '2030-06-30',
        }),
      });
      return response.json();
    });
    expect(opportunity).toMatchObject({ status: 'open', amountFen: 8_800_000, currency: 'CNY' });
    const opportunityOf = (id: string) => fetch(`/api/v1/opportunities/${id}`).then((r) => r.json());

    // Yuan typed with two decimals reach the API as exact fen and read back formatted.
    await page.goto(`${fixture.baseUrl}/opportunities/${opportunity.id}`);
    await page.getByTestId('opportunity-edit').click();
    const amount = page.getByTestId('opportunity-amount');
    // The form fills itself from the loaded opportunity: typing before that would be overwritten.
    await eventually(() => amount.inputValue()).toBe('88000.00');
    await amount.fill('12345.67');
    await answered(page, 'PATCH /opportunities/*', page.getByTestId('opportunity-submit'));
    expect((await page.evaluate(opportunityOf, opportunity.id)).amountFen).toBe(1_234_567);
    await eventually(() => page.locator('body').textContent()).toContain('¥12,345.67');

    await page.goto(`${fixture.baseUrl}/opportunities/board`);
    const card = page.locator(`[data-testid="board-card"][data-opportunity-id="${opportunity.id}"]`);
    await eventually(() => card.textContent()).toContain('¥12,345.67');

    // Drag to the next stage: the move is logged and the card changes column.
    const columns = page.getByTestId('board-column');
    const secondStageId = await columns.nth(1).getAttribute('data-stage-id');
    await answered(page, 'POST /opportunities/*/stage', () => card.dragTo(columns.nth(1)));
    expect((await page.evaluate(opportunityOf, opportunity.id)).stageId).toBe(secondStageId);
    // The card moves once the board has been refetched; dragging it again before that would send
    // the old version.
    await columns.nth(1).locator(`[data-opportunity-id="${opportunity.id}"]`).waitFor();

    // Drop on 赢单 and confirm in the modal.
    await card.dragTo(page.getByTestId('board-drop-won'));
    await page.getByTestId('close-opportunity-text').fill('签约成功');
    await answered(page, 'POST /opportunities/*/won', page.getByTestId('close-opportunity-ok'));
    await card.waitFor({ state: 'detached' });
    const won = await page.evaluate(opportunityOf, opportunity.id);
    expect(won).toMatchObject({ status: 'won', closeReason: '签约成功' });

    await page.goto(`${fixture.baseUrl}/opportunities/${opportunity.id}`);
    await eventually(() => page.getByTestId('opportunity-status').textContent()).toBe('赢单');
    await eventually(() => page.getByTestId('opportunity-history').textContent()).toContain('签约成功');
    await context.close();
  });
});
