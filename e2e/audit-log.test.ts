import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { clickWhenStill, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 12 });
});
afterAll(() => fixture?.close());

async function newPage(username: string): Promise<Page> {
  const context = await fixture.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await loginAs(page, fixture.baseUrl, username);
  return page;
}

/** The page's next answer to `GET /api/v1/audit-log` whose query holds every given parameter. */
const auditAnswer = (page: Page, params: Record<string, string>) =>
  page.waitForResponse((response) => {
    const url = new URL(response.url());
    return (
      url.pathname === '/api/v1/audit-log' &&
      Object.entries(params).every(([key, value]) => url.searchParams.get(key) === value)
    );
  });

describe('audit log in the browser', () => {
  it('an administrator opens the audit log from the settings menu, filters by a person and reads the change before → after', async () => {
    // A salesperson moves one of their customers to another city.
    const rep = await newPage('east.rep1');
    const [customer] = (await api(rep, 'GET', '/api/v1/customers?limit=1')).items;
    const oldCity = customer.city ?? '—';
    await api(rep, 'PATCH', `/api/v1/customers/${customer.id}`, { city: '绍兴', version: customer.version });
    const me = await api(rep, 'GET', '/api/v1/auth/me');

    const admin = await newPage('admin');
    await admin.getByRole('menuitem', { name: '设置' }).click();
    await admin.getByRole('menuitem', { name: '操作日志' }).click();
    await admin.waitForURL((url) => url.pathname === '/settings/audit-log');
    await admin.getByTestId('audit-entry').first().waitFor();

    const filtered = auditAnswer(admin, { actorId: me.id });
    await admin.getByTestId('audit-filter-person').click();
    await clickWhenStill(
      admin.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '张小明',
      }),
    );
    expect((await filtered).status()).toBe(200);
    await eventually(() => new URL(admin.url()).searchParams.get('actorId')).toBe(me.id);

    // Every row is the salesperson's; their edit reads as the city's old value → new value.
    const rows = admin.getByTestId('audit-table').locator('tbody tr.ant-table-row');
    const change = rows.filter({ hasText: customer.name }).filter({ hasText: '修改' }).first();
    await change.waitFor();
    // The table re-renders in its own time after the answer: wait for the filtered state itself.
    const people = () =>
      rows.evaluateAll((trs) => [...new Set(trs.map((tr) => tr.querySelectorAll('td')[1]?.textContent))]);
    await eventually(people).toEqual(['张小明']);
    const city = change.getByTestId('audit-change').filter({ hasText: '城市' });
    expect(await city.getByTestId('audit-before').innerText()).toBe(oldCity);
    expect(await city.getByTestId('audit-after').innerText()).toBe('绍兴');
    expect(await change.getByTestId('audit-record-link').innerText()).toBe(customer.name);
  });

  it('a salesperson who opens the audit log by its address is told they have no access, not shown an empty log', async () => {
    const page = await newPage('east.rep1');
    await page.goto(`${fixture.baseUrl}/settings/audit-log`);
    await page.getByText('您没有访问此页面的权限').waitFor();
    expect(await page.locator('table').count()).toBe(0);
    await page.context().close();
  });
});
