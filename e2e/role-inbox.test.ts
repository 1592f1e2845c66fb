import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { clickWhenStill, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

async function signIn(username: string): Promise<Page> {
  const context = await fixture.browser.newContext();
  const page = await context.newPage();
  await loginAs(page, fixture.baseUrl, username);
  return page;
}

/** Each section's count as the server computes it for the signed-in user. */
async function countsOf(page: Page): Promise<Record<string, number>> {
  const inbox = await api(page, 'GET', '/api/v1/todos/inbox');
  return Object.fromEntries(inbox.sections.map((s: { key: string; count: number }) => [s.key, s.count]));
}

/** The number a count tile on the start page shows. */
const tileValue = async (page: Page, key: string) =>
  Number((await page.getByTestId(`count-${key}`).locator('.ant-statistic-content-value').textContent())?.trim());

describe('each role’s waiting work in the inbox and on the start page', () => {
  it('finance sees an order to confirm and an overdue payment, with the same counts on its start page', async () => {
    const page = await signIn('finance');
    await page.waitForURL((url) => url.pathname === '/finance/orders-to-confirm');
    const counts = await countsOf(page);
    expect(counts.ordersToConfirm).toBeGreaterThan(0);
    expect(counts.paymentsOverdue).toBeGreaterThan(0);
    // Not the warehouse's work.
    expect(counts.issuesToConfirm).toBeUndefined();
    await eventually(() => tileValue(page, 'ordersToConfirm')).toBe(counts.ordersToConfirm);
    expect(await tileValue(page, 'paymentsOverdue')).toBe(counts.paymentsOverdue);
    expect(await tileValue(page, 'paymentsDueSoon')).toBe(counts.paymentsDueSoon);
    expect(await page.getByTestId('count-lowStock').count()).toBe(0);

    // A tile opens the inbox at its section.
    await clickWhenStill(page.getByTestId('count-paymentsOverdue').locator('a'));
    await page.waitForURL((url) => url.pathname === '/inbox' && url.hash === '#inbox-paymentsOverdue');
    const overdue = page.getByTestId('inbox-paymentsOverdue');
    await eventually(() => overdue.locator('.ant-badge-count').getAttribute('title')).toBe(
      String(counts.paymentsOverdue),
    );
    await eventually(() => overdue.textContent()).toMatch(/已逾期 \d+ 天/);

    const toConfirm = page.getByTestId('inbox-ordersToConfirm');
    expect(await toConfirm.locator('.ant-badge-count').getAttribute('title')).toBe(String(counts.ordersToConfirm));
    const firstOrder = toConfirm.getByTestId('inbox-item').first().locator('a').first();
    const orderNo = (await firstOrder.textContent())!.trim();
    await clickWhenStill(firstOrder);
    await page.waitForURL((url) => /^\/orders\/[0-9a-f-]{36}$/.test(url.pathname));
    await eventually(() => page.locator('body').textContent()).toContain(orderNo);
  });

  it('the warehouse keeper sees an issue to confirm and low stock, with the same counts on the stock page', async () => {
    const page = await signIn('warehouse');
    await page.waitForURL((url) => url.pathname === '/stock');
    const counts = await countsOf(page);
    expect(counts.issuesToConfirm).toBeGreaterThan(0);
    expect(counts.lowStock).toBeGreaterThan(0);
    expect(counts.ordersToConfirm).toBeUndefined();
    await eventually(() => tileValue(page, 'issuesToConfirm')).toBe(counts.issuesToConfirm);
    expect(await tileValue(page, 'lowStock')).toBe(counts.lowStock);

    await clickWhenStill(page.getByTestId('count-issuesToConfirm').locator('a'));
    await page.waitForURL((url) => url.pathname === '/inbox');
    const issues = page.getByTestId('inbox-issuesToConfirm');
    await eventually(() => issues.locator('.ant-badge-count').getAttribute('title')).toBe(
      String(counts.issuesToConfirm),
    );
    await eventually(() => issues.getByTestId('inbox-item').count()).toBeGreaterThan(0);
    const low = page.getByTestId('inbox-lowStock');
    expect(await low.locator('.ant-badge-count').getAttribute('title')).toBe(String(counts.lowStock));
    await eventually(() => low.textContent()).toMatch(/可用 \d+/);

    // A low-stock item opens the stock levels filtered to the low ones.
    await clickWhenStill(low.getByTestId('inbox-item').first().locator('a').first());
    await page.waitForURL((url) => url.pathname === '/stock' && url.searchParams.get('low') === '1');
    await eventually(() => page.getByTestId('stock-level-table').textContent()).toContain('低库存');
  });

  it('an approval in the inbox is decided on its card, never ticked done; /todos opens the inbox', async () => {
    // A salesperson's move to "lost" waits for their manager's decision.
    const rep = await signIn('east.rep1');
    const [customer] = (await api(rep, 'GET', '/api/v1/customers?limit=1')).items as { id: string }[];
    await api(rep, 'POST', `/api/v1/customers/${customer!.id}/stage-transitions`, { to: 'lost', reason: '客户已流失' });

    const page = await signIn('east.manager');
    await page.goto(`${fixture.baseUrl}/todos`);
    await page.waitForURL((url) => url.pathname === '/inbox');
    const section = page.getByTestId('inbox-approvals');
    await eventually(() => section.getByTestId('inbox-decide').count()).toBeGreaterThan(0);
    expect(await section.getByTestId('inbox-done').count()).toBe(0);
    await clickWhenStill(section.getByTestId('inbox-decide').first());
    await page.waitForURL((url) => url.pathname === '/approvals' && url.searchParams.has('open'));

    // The stored approval to-do answers 422 to a tick, and stays open.
    const open = (await api(page, 'GET', '/api/v1/todos?status=open')).items as { id: string; kind: string }[];
    const approvalTodo = open.find((t) => t.kind === 'approval')!;
    const status = await page.evaluate(
      async (id) =>
        (await fetch(`/api/v1/todos/${id}/done`, { method: 'POST', headers: { 'X-Requested-With': 'XMLHttpRequest' } }))
          .status,
      approvalTodo.id,
    );
    expect(status).toBe(422);
    const still = (await api(page, 'GET', '/api/v1/todos?status=open')).items as { id: string }[];
    expect(still.map((t) => t.id)).toContain(approvalTodo.id);
  });
});
