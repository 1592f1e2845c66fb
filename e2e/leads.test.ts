import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

const POOL_NAME = '2026 广交会';
const LEAD_NAMES = ['广交会名片一', '广交会名片二', '广交会名片三', '广交会名片四', '广交会名片五', '广交会名片六'];

/** Picks an option of an antd Select by its visible label (the dropdown renders in a portal). */
async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await clickWhenStill(
    page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: label }),
  );
}

async function newPage(username: string): Promise<Page> {
  const context = await fixture.browser.newContext();
  const page = await context.newPage();
  await loginAs(page, fixture.baseUrl, username);
  return page;
}

/** The names of the leads the signed-in user gets from the API (their scope). */
const apiLeadNames = (page: Page) =>
  page.evaluate(async () => {
    const page = (await (await fetch('/api/v1/leads?limit=100')).json()) as { items: { name: string }[] };
    return page.items.map((lead) => lead.name).sort();
  });

describe('leads in the browser', () => {
  it('bulk-assigning trade-fair leads to two salespeople who each see only their own', async () => {
    // The admin creates the lead pool and the first lead through the UI, the rest through the API.
    const admin = await newPage('admin');
    await admin.goto(`${fixture.baseUrl}/lead-pools`);
    await admin.getByTestId('lead-pool-new').click();
    await admin.getByTestId('lead-pool-name').fill(POOL_NAME);
    await answered(admin, 'POST /lead-pools', admin.getByTestId('lead-pool-save'));
    await admin.waitForURL((url) => /^\/lead-pools\/.+/.test(url.pathname));
    await eventually(() => admin.getByTestId('lead-pool-list').innerText()).toContain(POOL_NAME);

    await admin.goto(`${fixture.baseUrl}/leads`);
    await admin.getByTestId('lead-new').click();
    await admin.getByTestId('lead-name').fill(LEAD_NAMES[0]!);
    await admin.getByTestId('lead-company').fill('杭州广交会一号贸易有限公司');
    await admin.getByTestId('lead-mobile').fill('123');
    await clickWhenStill(admin.getByTestId('lead-submit'));
    // The mobile rule shows its message next to the field and nothing is created.
    await admin.locator('.ant-form-item-explain-error').first().waitFor();
    await admin.getByTestId('lead-mobile').fill('19912340001');
    await pickOption(admin, 'lead-pool', POOL_NAME);
    await answered(admin, 'POST /leads', admin.getByTestId('lead-submit'));
    await eventually(() => admin.getByTestId('lead-table').innerText()).toContain(LEAD_NAMES[0]);

    // A second card with the same mobile is a duplicate: the server's 409 shows in the drawer.
    await admin.getByTestId('lead-new').click();
    await admin.getByTestId('lead-name').fill('重复名片');
    await admin.getByTestId('lead-mobile').fill('19912340001');
    await answered(admin, 'POST /leads', admin.getByTestId('lead-submit'), 409);
    await admin.getByTestId('lead-form-error').waitFor();
    expect(await admin.getByTestId('lead-table').innerText()).not.toContain('重复名片');
    await admin.locator('.ant-drawer-close').click();

    const statuses = await admin.evaluate(
      async ({ poolName, names }) => {
        const pools = (await (await fetch('/api/v1/lead-pools')).json()) as { items: { id: string; name: string }[] };
        const poolId = pools.items.find((pool) => pool.name === poolName)!.id;
        const results: number[] = [];
        for (const [index, name] of names.entries()) {
          const response = await fetch('/api/v1/leads', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              name,
              companyName: `杭州广交会${index + 2}号贸易有限公司`,
              mobile: `1991234000${index + 2}`,
              source: 'trade_fair',
              poolId,
            }),
          });
          results.push(response.status);
        }
        return results;
      },
      { poolName: POOL_NAME, names: LEAD_NAMES.slice(1) },
    );
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    await admin.context().close();

    // The east manager selects the pool's six leads and deals them round-robin to the two reps.
    const manager = await newPage('east.manager');
    await manager.goto(`${fixture.baseUrl}/lead-pools`);
    await manager.getByTestId('lead-pool-list').getByText(POOL_NAME).click();
    const table = manager.getByTestId('lead-pool-table');
    await eventually(() => table.locator('tbody tr.ant-table-row').count()).toBe(6);
    await table.locator('thead .ant-checkbox-input').check();
    await eventually(() => manager.getByTestId('lead-selected-count').innerText()).toContain('6');
    await manager.getByTestId('lead-assign').click();
    await clickWhenStill(manager.locator('label', { has: manager.locator('input[value="round_robin"]') }));
    await pickOption(manager, 'lead-assign-users', '张小明');
    await clickWhenStill(
      manager.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '刘小红',
      }),
    );
    await manager.locator('.ant-modal-title').click();
    await answered(manager, 'POST /leads/assign', manager.getByTestId('lead-assign-submit'));
    const result = await manager.getByTestId('lead-assign-result').innerText();
    expect(result).toContain('已分配 6 条');
    expect(result).toContain('张小明：3 条');
    expect(result).toContain('刘小红：3 条');
    await manager.getByTestId('lead-assign-submit').click();
    await eventually(() => table.locator('tbody tr.ant-table-row').count()).toBe(0);
    await manager.context().close();

    // Each rep sees exactly their own three leads, in the table and from the API.
    const seen: string[][] = [];
    for (const username of ['east.rep1', 'east.rep2']) {
      const rep = await newPage(username);
      const own = await apiLeadNames(rep);
      expect(own).toHaveLength(3);
      await rep.goto(`${fixture.baseUrl}/leads`);
      const list = rep.getByTestId('lead-table');
      await eventually(() => list.locator('tbody tr.ant-table-row').count()).toBe(3);
      const text = await list.innerText();
      for (const name of LEAD_NAMES) {
        if (own.includes(name)) expect(text).toContain(name);
        else expect(text).not.toContain(name);
      }
      seen.push(own);
      await rep.context().close();
    }
    expect([...seen[0]!, ...seen[1]!].sort()).toEqual([...LEAD_NAMES].sort());
  });

  it('converting a lead creates the customer and contact once and keeps the link', async () => {
    const rep = await newPage('east.rep1');
    const [name] = await apiLeadNames(rep);
    expect(name).toBeDefined();
    await rep.goto(`${fixture.baseUrl}/leads`);
    await rep.getByTestId('lead-table').getByRole('link', { name }).click();
    await rep.waitForURL((url) => /^\/leads\/.+/.test(url.pathname));
    const leadId = new URL(rep.url()).pathname.split('/').pop()!;
    const lead = await rep.evaluate(async (id) => (await fetch(`/api/v1/leads/${id}`)).json(), leadId);
    const customerName = lead.companyName as string;

    await rep.getByTestId('lead-convert').click();
    await answered(rep, 'POST /leads/*/convert', rep.getByTestId('lead-convert-submit'));
    await rep.getByTestId('lead-converted').waitFor();
    await eventually(() => rep.getByTestId('lead-status').innerText()).toBe('已转化');
    // Converting again is not offered, and the API refuses it.
    await rep.getByTestId('lead-convert').waitFor({ state: 'detached' });
    const again = await rep.evaluate(
      async (id) =>
        (
          await fetch(`/api/v1/leads/${id}/convert`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          })
        ).status,
      leadId,
    );
    expect(again).toBe(409);

    // The link leads to the new customer, which has the lead as its contact.
    await rep.getByTestId('lead-customer-link').click();
    await rep.waitForURL((url) => /^\/customers\/.+/.test(url.pathname));
    await eventually(() => rep.getByTestId('customer-title').innerText()).toBe(customerName);
    const customerId = new URL(rep.url()).pathname.split('/').pop()!;
    const contacts = await rep.evaluate(
      async (id) => (await fetch(`/api/v1/customers/${id}/contacts`)).json(),
      customerId,
    );
    expect((contacts.items as { name: string }[]).map((contact) => contact.name)).toEqual([name]);

    await rep.goto(`${fixture.baseUrl}/customers`);
    await rep.getByTestId('customer-search').fill(customerName);
    await rep.getByTestId('customer-search').press('Enter');
    await eventually(() => rep.getByTestId('customer-table').innerText()).toContain(customerName);
    await rep.context().close();
  });
});
