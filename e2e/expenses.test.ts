import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('expenses in the browser', () => {
  it('a salesperson files an expense in yuan, adds a receipt and submits it; the monthly totals show it', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'east.rep1');
    await page.goto(`${fixture.baseUrl}/expenses`);
    await page.getByTestId('expense-new').click();
    await page.getByTestId('expense-amount').fill('123.45');
    await page.getByTestId('expense-description').fill('浏览器测试打车费');
    await answered(page, 'POST /expenses', page.getByTestId('expense-save'));

    const findMine = () =>
      page.evaluate(async () => {
        const list = await (await fetch('/api/v1/expenses?mine=true')).json();
        return list.items.find((e: { description: string }) => e.description === '浏览器测试打车费') ?? null;
      });
    // Yuan typed with two decimals reach the API as exact fen.
    expect((await findMine())?.amountFen).toBe(12_345);

    // The saved draft stays open for its receipts.
    const receipt = page.getByTestId('expense-receipts').locator('input[type=file]');
    await answered(page, 'POST /expenses/*/attachments', () =>
      receipt.setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG }),
    );
    expect((await findMine())?.attachmentCount).toBe(1);

    await answered(page, 'POST /expenses/*/submit', page.getByTestId('expense-submit'));
    expect((await findMine())?.status).toBe('pending');

    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '月度汇总' }).click();
    await page.getByRole('checkbox', { name: '包含审批中的费用' }).check();
    await eventually(() => page.getByTestId('expense-totals').textContent()).toContain('张小明');
    await context.close();
  });
});
