import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signedInPages, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually } from './settle.js';

let fixture: BrowserFixture;
const pages = signedInPages(() => fixture);
const pageAs = (username: string) => pages.pageAs(username);

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 60 });
});
afterAll(async () => {
  await pages.closeAll();
  await fixture?.close();
});

interface Customer {
  id: string;
  name: string;
  stage: string;
  ownerId: string | null;
}

/** The rep's own customers that are neither lost nor waiting for a stage decision. */
async function ownCustomers(page: Page): Promise<Customer[]> {
  const me = await api(page, 'GET', '/api/v1/auth/me');
  const list = await api(page, 'GET', '/api/v1/customers?limit=200');
  return (list.items as Customer[]).filter((c) => c.ownerId === me.id && c.stage !== 'lost');
}

/** A draft order of one product line at `unitPriceFen`, submitted; answers the order after submit. */
async function submittedOrder(page: Page, customerId: string, unitPriceFen?: number) {
  const product = (await api(page, 'GET', '/api/v1/products?q=P-1001')).items[0];
  const line = { productId: product.id, quantity: 2, ...(unitPriceFen === undefined ? {} : { unitPriceFen }) };
  const order = await api(page, 'POST', '/api/v1/orders', { customerId, lines: [line] });
  return { product, order: await api(page, 'POST', `/api/v1/orders/${order.id}/submit`, {}) };
}

/** Uploads a tiny PNG as the expense's receipt, as the expense form's upload does. */
const uploadReceipt = (page: Page, expenseId: string) =>
  page.evaluate(async (id) => {
    const bytes = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'image/png' }), '快递单.png');
    const response = await fetch(`/api/v1/expenses/${id}/attachments`, {
      method: 'POST',
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      body: form,
    });
    if (!response.ok) throw new Error(`upload: ${response.status} ${await response.text()}`);
  }, expenseId);

async function openCard(page: Page, rowText: string, also?: string) {
  let row = page.getByTestId('approval-table').locator('tr', { hasText: rowText });
  if (also) row = row.filter({ hasText: also });
  await row.getByTestId('approval-open').click();
  return page.getByTestId('approval-detail');
}

/** Nothing on the card is a payload, a field name or a code. */
async function expectReadable(drawer: ReturnType<Page['getByTestId']>) {
  const text = await drawer.innerText();
  for (const raw of ['{', '"', 'Fen', 'floor', 'lineNo', 'samples', 'price_below_authority', 'first_purchase', 'lost'])
    expect(text).not.toContain(raw);
  return text;
}

describe('approval cards in the browser', () => {
  it('shows each approval type as a readable card and approves from the card', async () => {
    const rep = await pageAs('east.rep1');
    const mine = await ownCustomers(rep);
    // Early stages: the demo's salespeople sell at cost to first-time buyers, so half price may pass there.
    const priceCustomer = mine.find((c) => ['prospect', 'interested'].includes(c.stage));
    const [expenseCustomer, stageCustomer, creditCustomer] = mine.filter((c) => c !== priceCustomer);

    // A price below the rep's authority (half the list price).
    const probe = (await api(rep, 'GET', '/api/v1/products?q=P-1001')).items[0];
    const half = Math.round(probe.listPriceFen / 2);
    const { order: priced } = await submittedOrder(rep, priceCustomer!.id, half);
    expect(priced.status).toBe('pending_approval');

    // An expense with a receipt.
    const expense = await api(rep, 'POST', '/api/v1/expenses', {
      category: 'samples',
      amountFen: 1_234_500,
      spentOn: '2026-11-20',
      description: '寄送样品给采购部',
      customerId: expenseCustomer!.id,
    });
    await uploadReceipt(rep, expense.id);
    await api(rep, 'POST', `/api/v1/expenses/${expense.id}/submit`, {});

    // A stage move that needs the manager.
    await api(rep, 'POST', `/api/v1/customers/${stageCustomer!.id}/stage-transitions`, {
      to: 'lost',
      reason: '客户已停业',
    });

    // A credit override: finance sets a tiny limit, the rep asks to pass it.
    const finance = await pageAs('finance');
    await api(finance, 'PUT', `/api/v1/customers/${creditCustomer!.id}/credit`, { limitFen: 100_00, termDays: 30 });
    const { order: overLimit } = await submittedOrder(rep, creditCustomer!.id);
    await api(rep, 'POST', `/api/v1/orders/${overLimit.id}/credit-override`, { reason: '预付款已到账' });

    const manager = await pageAs('east.manager');
    await manager.goto(`${fixture.baseUrl}/approvals`);

    // Price: the lines against list price and both floors, discount and margin, the customer's standing.
    let drawer = await openCard(manager, priced.orderNo);
    await eventually(() => drawer.getByTestId('approval-card-price').innerText()).toContain('标准价');
    let text = await expectReadable(drawer);
    for (const fact of [
      '标准价',
      '申请价',
      '销售底价',
      '您的底价',
      '低于标准价 50%',
      '毛利',
      '信用额度',
      '欠款',
      '逾期',
    ])
      expect(text).toContain(fact);
    expect(text).toMatch(/¥\d{1,3}(,\d{3})*\.\d{2}/);
    expect(text).toContain(`¥${(probe.listPriceFen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`);
    // Approve right on the card, with a comment.
    await drawer.getByTestId('approval-card-comment').fill('老客户，同意特价');
    await answered(manager, 'POST /approvals/*/approve', drawer.getByTestId('approval-card-approve'));
    await eventually(() => drawer.innerText()).toContain('已通过');
    expect((await api(manager, 'GET', `/api/v1/orders/${priced.id}`)).status).toBe('submitted');
    // The inbox "to decide" list no longer holds it.
    await manager.keyboard.press('Escape');
    await eventually(() => manager.getByTestId('approval-table').innerText()).not.toContain(priced.orderNo);

    // Expense: category in words, date, amount, customer, the receipt inline.
    drawer = await openCard(manager, '寄送样品给采购部');
    await eventually(() => drawer.getByTestId('approval-card-expense').innerText()).toContain('样品');
    text = await expectReadable(drawer);
    for (const fact of ['¥12,345.00', '2026-11-20', expenseCustomer!.name, '费用类别']) expect(text).toContain(fact);
    await expect(drawer.getByTestId('approval-card-receipts').locator('img').getAttribute('alt')).resolves.toBe(
      '快递单.png',
    );
    await manager.keyboard.press('Escape');

    // Stage move: from → to in words, the reason, recent history.
    drawer = await openCard(manager, stageCustomer!.name, '流失客户');
    await eventually(() => drawer.getByTestId('approval-card-stage').innerText()).toContain('流失客户');
    text = await expectReadable(drawer);
    expect(text).toContain('客户已停业');
    expect(text).toContain('最近阶段变化');
    expect(text).toContain('最近跟进');
    await manager.keyboard.press('Escape');

    // Credit override (finance decides): limit, used, this order, over by, overdue.
    await finance.goto(`${fixture.baseUrl}/approvals`);
    drawer = await openCard(finance, overLimit.orderNo);
    await eventually(() => drawer.getByTestId('approval-card-credit').innerText()).toContain('信用额度');
    text = await expectReadable(drawer);
    for (const fact of ['¥100.00', '已用额度', '本单金额', '超出额度', '逾期']) expect(text).toContain(fact);

    // Batch: the manager approves the expense and the stage move together; each row reports.
    const rows = manager.getByTestId('approval-table');
    await rows.locator('tr', { hasText: '寄送样品给采购部' }).locator('input[type=checkbox]').check();
    await rows
      .locator('tr', { hasText: stageCustomer!.name })
      .filter({ hasText: '流失客户' })
      .locator('input[type=checkbox]')
      .check();
    await manager.getByTestId('approval-batch-approve').click();
    await answered(manager, 'POST /approvals/batch-approve', manager.getByTestId('approval-batch-submit'));
    await eventually(() => manager.getByTestId('approval-batch-summary').innerText()).toContain('已同意 2 项');
    expect((await api(manager, 'GET', `/api/v1/customers/${stageCustomer!.id}`)).stage).toBe('lost');
  });
});
