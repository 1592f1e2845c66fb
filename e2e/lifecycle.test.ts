import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

const customerOf = (id: string) => fetch(`/api/v1/customers/${id}`).then((r) => r.json());

describe('lifecycle in the browser', () => {
  it('moving a customer to "lost" waits for the manager, who approves it', async () => {
    const repContext = await fixture.browser.newContext();
    const rep = await repContext.newPage();
    await loginAs(rep, fixture.baseUrl, 'east.rep1');
    const list = await rep.evaluate(async () => (await fetch('/api/v1/customers?limit=50')).json());
    const customer = list.items.find((c: { stage: string }) => c.stage !== 'lost');
    expect(customer).toBeDefined();

    await rep.goto(`${fixture.baseUrl}/customers/${customer.id}`);
    await rep.getByTestId('stage-move').click();
    await clickWhenStill(rep.getByTestId('stage-move-lost'));
    await rep.getByTestId('stage-move-reason').fill('客户已转向竞争对手');
    // 202: the move waits for approval; the tag shows it once the request list has been refetched.
    await answered(rep, 'POST /customers/*/stage-transitions', rep.getByTestId('stage-move-submit'), 202);
    await rep.getByTestId('stage-pending').waitFor();
    // While the request is pending the customer stays where it was.
    expect((await rep.evaluate(customerOf, customer.id)).stage).toBe(customer.stage);
    await repContext.close();

    const managerContext = await fixture.browser.newContext();
    const manager = await managerContext.newPage();
    await loginAs(manager, fixture.baseUrl, 'east.manager');
    // The approvals inbox lists every business type; pick the row of this customer's stage change.
    await manager.goto(`${fixture.baseUrl}/approvals`);
    const row = manager.getByTestId('approval-table').locator('tr', { hasText: customer.name });
    await row.getByTestId('approval-approve').first().click();
    await manager.getByTestId('approval-comment').fill('同意');
    await answered(manager, 'POST /approvals/*/approve', manager.getByTestId('approval-submit'));
    expect((await manager.evaluate(customerOf, customer.id)).stage).toBe('lost');
    const log = await manager.evaluate(
      async (id) => (await fetch(`/api/v1/customers/${id}/stage-transitions`)).json(),
      customer.id,
    );
    const move = log.items.find((t: { to: string }) => t.to === 'lost');
    expect(move).toMatchObject({ from: customer.stage, reason: '客户已转向竞争对手', approverName: '李经理' });
    await managerContext.close();
  });

  it('the board’s current stays of a stage open the customers longest in it, longest first', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'admin');
    await page.goto(`${fixture.baseUrl}/lifecycle`);
    await page.getByTestId('board-dwell-open-prospect').click();
    await page.waitForURL((url) => url.pathname === '/customers');
    const url = new URL(page.url());
    expect(url.searchParams.get('stage')).toBe('prospect');
    expect(url.searchParams.get('sort')).toBe('-daysInStage');
    await page.getByTestId('customer-total').getByText(/\d/).waitFor();
    const expected = await page.evaluate(async () =>
      (await (await fetch('/api/v1/customers?stage=prospect&sort=-daysInStage&limit=5')).json()).items.map(
        (c: { name: string }) => c.name,
      ),
    );
    const shown = await page.getByTestId('customer-table').locator('tbody tr.ant-table-row').allInnerTexts();
    expect(expected.length).toBeGreaterThan(0);
    expected.forEach((name: string, i: number) => expect(shown[i]).toContain(name));
    await context.close();
  });
});
