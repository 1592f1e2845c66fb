import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 90 });
});
afterAll(() => fixture?.close());

describe('the customer pool in the browser', () => {
  it('a salesperson claims from the pool until the daily limit of 10 stops them', async () => {
    // east.rep1 returns a dozen of their customers to the pool (through the API, as the UI would).
    const repContext = await fixture.browser.newContext();
    const rep1 = await repContext.newPage();
    await loginAs(rep1, fixture.baseUrl, 'east.rep1');
    const returned = await rep1.evaluate(async () => {
      const mine = (await (await fetch('/api/v1/customers?limit=12')).json()).items as { id: string }[];
      const statuses: number[] = [];
      for (const customer of mine) {
        const response = await fetch(`/api/v1/customers/${customer.id}/return`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ reason: '长期无法联系' }),
        });
        statuses.push(response.status);
      }
      return statuses;
    });
    expect(returned).toHaveLength(12);
    expect(returned.every((status) => status === 200)).toBe(true);
    await repContext.close();

    const context = await fixture.browser.newContext();
    const rep2 = await context.newPage();
    await loginAs(rep2, fixture.baseUrl, 'east.rep2');
    const before = (await rep2.evaluate(async () => (await fetch('/api/v1/customers?limit=1')).json())).total as number;
    await rep2.goto(`${fixture.baseUrl}/pools`);
    // Each claim waits for its answer and for the list without that customer: a click on the list
    // before it is refetched would hit the row just claimed.
    const claims = rep2.getByTestId('pool-claim');
    for (let claimed = 0; claimed < 10; claimed++) {
      await eventually(() => claims.count()).toBe(12 - claimed);
      await answered(rep2, 'POST /customers/*/claim', claims.first());
    }
    await eventually(() => claims.count()).toBe(2);
    await answered(rep2, 'POST /customers/*/claim', claims.first(), 422);
    await eventually(() => rep2.locator('.ant-message-notice').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('10')]),
    );
    const after = (await rep2.evaluate(async () => (await fetch('/api/v1/customers?limit=1')).json())).total as number;
    expect(after - before).toBe(10);
    expect(await rep2.getByTestId('pool-claim').count()).toBe(2);
    await context.close();
  });

  it('an admin gives a customer level they added its own reclaim days in the pool settings', async () => {
    const context = await fixture.browser.newContext();
    const admin = await context.newPage();
    await loginAs(admin, fixture.baseUrl, 'admin');
    await api(admin, 'POST', '/api/v1/dictionaries/tier/entries', { nameZh: 'D 沉睡', nameEn: 'D Dormant', code: 'D' });
    await admin.goto(`${fixture.baseUrl}/pools`);
    await admin.getByTestId('pool-settings').first().click();
    // One field per level, named in the reader's language, the added one included; no codes.
    await eventually(() => admin.getByTestId('pool-rule-tiers').innerText()).toContain('D 沉睡');
    expect(await admin.getByTestId('pool-rule-tiers').innerText()).toMatch(/A 重点[\s\S]*B 普通[\s\S]*C 非优先/);
    await admin.getByTestId('pool-rule-tier-D').fill('5');
    const saved = await answered(admin, 'PATCH /customer-pools/*', admin.getByTestId('pool-save'));
    expect(((await saved.json()) as { rules: { tierNoFollowUpDays: object } }).rules.tierNoFollowUpDays).toEqual({
      A: 60,
      B: 30,
      C: 15,
      D: 5,
    });
    await context.close();
  });
});
