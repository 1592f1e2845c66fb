import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

/** Picks the option named `label` in the select `testId` (the option list is the page's last dropdown). */
async function pick(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  // Closed dropdowns of earlier selects stay in the page: take the open one.
  const dropdown = page.locator('.ant-select-dropdown:visible').last();
  await clickWhenStill(dropdown.locator('.ant-select-item-option').filter({ hasText: label }).first());
}

describe('dictionaries in the browser', () => {
  it('an admin adds a source, a salesperson picks it on a new customer, and a rename shows on the customer', async () => {
    const admin = await (await fixture.browser.newContext()).newPage();
    await loginAs(admin, fixture.baseUrl, 'admin');
    await admin.goto(`${fixture.baseUrl}/settings/dictionaries`);
    await admin.getByTestId('dictionary-new-source').click();
    await admin.getByTestId('dictionary-entry-name-zh').fill('抖音');
    await admin.getByTestId('dictionary-entry-name-en').fill('Douyin');
    await answered(admin, 'POST /dictionaries/source/entries', admin.getByTestId('dictionary-entry-save'));
    await eventually(() => admin.getByTestId('dictionary-entry-name').allInnerTexts()).toContain('抖音');

    const rep = await (await fixture.browser.newContext()).newPage();
    await loginAs(rep, fixture.baseUrl, 'east.rep1');
    const name = `抖音来的客户${Date.now()}有限公司`;
    await rep.goto(`${fixture.baseUrl}/customers`);
    await rep.getByTestId('customer-new').click();
    await rep.getByTestId('customer-name').fill(name);
    await pick(rep, 'customer-source', '抖音');
    await pick(rep, 'customer-industry', '信息技术');
    const saved = await answered(rep, 'POST /customers', rep.getByTestId('customer-submit'));
    const customer = (await saved.json()) as { id: string; source: string; industry: string };
    expect(customer).toMatchObject({ source: 'douyin', industry: 'it' });

    // The list filtered by the new source finds the customer.
    await rep.getByTestId('customer-name').waitFor({ state: 'detached' });
    await answered(rep, 'GET /customers?source=douyin', () => pick(rep, 'customer-filter-source', '抖音'));
    await eventually(() => rep.getByTestId('customer-table').innerText()).toContain(name);

    await rep.goto(`${fixture.baseUrl}/customers/${customer.id}?tab=details`);
    await eventually(() => rep.locator('.ant-descriptions').first().innerText()).toContain('抖音');
    const detail = await rep.locator('.ant-descriptions').first().innerText();
    expect(detail).toContain('信息技术');
    expect(detail).not.toContain('douyin');

    // The admin renames the entry: the customer shows the new name, in each language.
    const [douyin] = (
      (await api(admin, 'GET', '/api/v1/dictionaries')).items as {
        kind: string;
        code: string;
        version: number;
      }[]
    ).filter((entry) => entry.kind === 'source' && entry.code === 'douyin');
    await admin.reload();
    const row = admin.getByTestId('dictionary-entry').filter({ hasText: '抖音' });
    await row.getByTestId('dictionary-entry-edit').click();
    await admin.getByTestId('dictionary-entry-name-zh').fill('抖音短视频');
    await admin.getByTestId('dictionary-entry-name-en').fill('Douyin video');
    await answered(admin, 'PATCH /dictionaries/source/entries/douyin', admin.getByTestId('dictionary-entry-save'));
    expect(douyin?.version).toBe(1);

    await rep.reload();
    await eventually(() => rep.locator('.ant-descriptions').first().innerText()).toContain('抖音短视频');
    await api(rep, 'PATCH', '/api/v1/auth/me', { locale: 'en' });
    await rep.reload();
    await eventually(() => rep.locator('.ant-descriptions').first().innerText()).toContain('Douyin video');
    expect(await rep.locator('.ant-descriptions').first().innerText()).toContain('Information technology');
    await api(rep, 'PATCH', '/api/v1/auth/me', { locale: 'zh-CN' });
  });
});
