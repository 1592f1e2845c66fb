import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

describe('approvals in the browser', () => {
  it('the submitter follows a request in the inbox drawer and withdraws it', async () => {
    const context = await fixture.browser.newContext();
    const rep = await context.newPage();
    await loginAs(rep, fixture.baseUrl, 'east.rep2');
    const list = await rep.evaluate(async () => (await fetch('/api/v1/customers?limit=50')).json());
    const customer = list.items.find((c: { stage: string }) => c.stage !== 'lost');
    const moved = await rep.evaluate(
      async (id) =>
        (
          await fetch(`/api/v1/customers/${id}/stage-transitions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' },
            body: JSON.stringify({ to: 'lost', reason: '客户已停业' }),
          })
        ).status,
      customer.id,
    );
    expect(moved).toBe(202);

    await rep.goto(`${fixture.baseUrl}/approvals?box=submitted`);
    // The demo's expense requests may name the same customer: the row is the one moving it to lost.
    const row = rep
      .getByTestId('approval-table')
      .locator('tr', { hasText: customer.name })
      .filter({ hasText: '流失客户' });
    await row.getByTestId('approval-open').click();
    // The step timeline names the manager who must decide.
    await eventually(() => rep.getByTestId('approval-step-0').textContent()).toContain('李经理');
    await rep.getByTestId('approval-withdraw').click();
    const confirm = rep.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ });
    await answered(rep, 'POST /approvals/*/withdraw', confirm);
    const mine = await rep.evaluate(async () => (await fetch('/api/v1/stage-transition-requests')).json());
    expect(mine.items.find((r: { customerId: string }) => r.customerId === customer.id)?.status).toBe('cancelled');
    await context.close();
  });

  it('an administrator edits and saves the expense flow, which stops being the built-in default', async () => {
    const context = await fixture.browser.newContext();
    const admin = await context.newPage();
    await loginAs(admin, fixture.baseUrl, 'admin');
    await admin.goto(`${fixture.baseUrl}/settings/approval-flows`);
    await admin.getByTestId('approval-flow-header-expense').click();
    const form = admin.getByTestId('approval-flow-expense');
    await form.getByTestId('approval-step-name-0').fill('财务审核');
    await answered(admin, 'PUT /approval-flows/expense', form.getByTestId('approval-flow-save'));
    const flows = await admin.evaluate(async () => (await fetch('/api/v1/approval-flows')).json());
    expect(flows.items.find((f: { businessType: string }) => f.businessType === 'expense')).toMatchObject({
      isDefault: false,
      steps: [{ name: '财务审核', approverKind: 'manager' }],
    });
    await context.close();
  });
});
