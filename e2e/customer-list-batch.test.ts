import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill, eventually, searchAndPick } from './settle.js';

/* Issue 14 item 8: the customer list a rep uses daily — column choice, selection and batch actions. */
let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

const headers = (page: Page) => page.locator('.ant-table-thead th').allInnerTexts();

async function searchFor(page: Page, q: string): Promise<void> {
  await page.getByTestId('customer-search').fill(q);
  await answered(page, `GET /customers?${new URLSearchParams({ q })}`, () =>
    page.getByTestId('customer-search').press('Enter'),
  );
}

/** Ticks the row checkbox of each named customer. */
async function select(page: Page, names: string[]): Promise<void> {
  for (const name of names) {
    await clickWhenStill(page.locator('.ant-table-row', { hasText: name }).locator('.ant-checkbox-input'));
  }
  await eventually(() => page.getByTestId('customer-batch-bar').innerText()).toContain(`已选 ${names.length} 个客户`);
}

describe('customer list batch actions', () => {
  it('a sales manager chooses columns (kept after reload), tags and transfers two customers, and sees the results', async () => {
    const context = await fixture.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'east.manager');
    const stamp = String(Date.now());
    const names = [`批量甲${stamp}贸易有限公司`, `批量乙${stamp}贸易有限公司`];
    const created = [];
    for (const name of names) created.push(await api(page, 'POST', '/api/v1/customers', { kind: 'company', name }));

    await page.goto(`${fixture.baseUrl}/customers`);
    await eventually(() => headers(page)).toContain('距回收');
    // The default set fits a 1440 px screen: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);

    // Column chooser: show tags, hide days without follow-up; the choice is saved on the server.
    await page.getByTestId('customer-columns').click();
    await answered(page, 'PUT /list-preferences/customers', page.getByTestId('customer-column-tags'));
    await answered(page, 'PUT /list-preferences/customers', page.getByTestId('customer-column-daysWithoutFollowUp'));
    await page.reload();
    await eventually(() => headers(page)).toContain('标签');
    expect(await headers(page)).not.toContain('未跟进天数');

    await searchFor(page, stamp);
    await eventually(() => page.locator('.ant-table-row').count()).toBe(2);

    // Batch add tag.
    await select(page, names);
    await page.getByTestId('customer-batch-tag').click();
    await page.getByTestId('customer-batch-tags').click();
    await page.keyboard.type('重点跟进');
    await page.keyboard.press('Enter');
    await answered(page, 'POST /customers/bulk/add-tags', page.getByTestId('customer-batch-submit'));
    await eventually(() => page.getByTestId('customer-batch-result').innerText()).toContain('成功 2 个');
    expect(await page.getByTestId('customer-batch-result').innerText()).toContain('添加标签结果');
    await eventually(() => page.locator('.ant-table-row', { hasText: names[0]! }).innerText()).toContain('重点跟进');
    for (const { id } of created) {
      expect((await api(page, 'GET', `/api/v1/customers/${id}`)).tags).toEqual(['重点跟进']);
    }

    // Batch transfer to a salesperson of the department: the owner column follows.
    await select(page, names);
    await page.getByTestId('customer-batch-transfer').click();
    await searchAndPick(page, 'customer-batch-user', '刘小红');
    await answered(page, 'POST /customers/bulk/transfer', page.getByTestId('customer-batch-submit'));
    await eventually(() => page.getByTestId('customer-batch-result').innerText()).toContain('转移结果');
    expect(await page.getByTestId('customer-batch-result').innerText()).toContain('成功 2 个');
    for (const name of names) {
      await eventually(() => page.locator('.ant-table-row', { hasText: name }).innerText()).toContain('刘小红');
    }
    const rep2 = (await api(page, 'GET', `/api/v1/customers/${created[0].id}`)).ownerName;
    expect(rep2).toBe('刘小红');
    await context.close();
  });
});
