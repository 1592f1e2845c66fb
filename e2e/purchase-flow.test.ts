import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signedInPages, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually, searchAndPick } from './settle.js';
import { confirmOrder } from './orders.fixtures.js';

let fixture: BrowserFixture;
const pages = signedInPages(() => fixture);
const pageAs = (username: string) => pages.pageAs(username);

beforeAll(async () => {
  // More customers than the default, so east.rep1 surely owns early-stage customers without orders.
  fixture = await startBrowserFixture({ customerCount: 80 });
});
afterAll(async () => {
  await pages.closeAll();
  await fixture?.close();
});

interface PickedCustomer {
  id: string;
  name: string;
  stage: string;
}

/** One of the caller's own customers, in one of `stages`, without any order yet. */
async function ownCustomerWithoutOrders(page: Page, stages: string[]): Promise<PickedCustomer> {
  const me = await api(page, 'GET', '/api/v1/auth/me');
  const list = await api(page, 'GET', '/api/v1/customers?limit=200');
  for (const c of list.items as (PickedCustomer & { ownerId: string | null })[]) {
    if (c.ownerId !== me.id || !stages.includes(c.stage)) continue;
    const orders = await api(page, 'GET', `/api/v1/orders?customerId=${c.id}&limit=1`);
    if (orders.items.length === 0) return { id: c.id, name: c.name, stage: c.stage };
  }
  throw new Error(`no customer of ${me.username} in ${stages.join('/')} without orders`);
}

const orderOf = (page: Page, id: string) => api(page, 'GET', `/api/v1/orders/${id}`);
const stageOf = async (page: Page, id: string) => (await api(page, 'GET', `/api/v1/customers/${id}`)).stage as string;
const statusText = (page: Page) => page.getByTestId('order-status').first().innerText();

describe('purchase flow in the browser', () => {
  it('below-authority order → manager approves → finance confirms (first purchase) → warehouse ships; a second order makes the customer repeat', async () => {
    // 1. The rep enters an order at half the list price for an early-stage customer and submits it.
    const rep = await pageAs('east.rep1');
    const customer = await ownCustomerWithoutOrders(rep, ['prospect', 'interested']);
    const product = (await api(rep, 'GET', '/api/v1/products?q=P-1001')).items[0];
    const halfPrice = (Math.round(product.listPriceFen / 2) / 100).toFixed(2);

    await rep.goto(`${fixture.baseUrl}/orders/new?customerId=${customer.id}`);
    await searchAndPick(rep, 'order-line-product', 'P-1001');
    await rep.getByTestId('order-line-quantity').fill('2');
    await rep.getByTestId('order-line-price').fill(halfPrice);
    await answered(rep, 'POST /orders', rep.getByTestId('order-save'));
    await rep.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderId = new URL(rep.url()).pathname.split('/').pop()!;
    const orderNo = await rep.getByTestId('order-no').innerText();
    await answered(rep, 'POST /orders/*/submit', rep.getByTestId('order-submit'));
    await eventually(() => statusText(rep)).toBe('待审批');
    await eventually(() => rep.getByTestId('order-approvals').innerText()).toContain('审批中');
    const pending = await orderOf(rep, orderId);
    expect(pending).toMatchObject({
      status: 'pending_approval',
      customerId: customer.id,
      totalFen: 2 * Math.round(product.listPriceFen / 2),
    });

    // 2. The rep's manager approves the price in the approvals inbox ("to decide").
    const manager = await pageAs('east.manager');
    await manager.goto(`${fixture.baseUrl}/approvals`);
    await manager.getByRole('tab', { name: '待我审批' }).click();
    const approvalRow = manager.getByTestId('approval-table').locator('tr', { hasText: orderNo });
    await approvalRow.getByTestId('approval-approve').click();
    await manager.getByTestId('approval-comment').fill('特价同意');
    await answered(manager, 'POST /approvals/*/approve', manager.getByTestId('approval-submit'));
    expect((await orderOf(manager, orderId)).status).toBe('submitted');
    await approvalRow.waitFor({ state: 'detached' });

    // 3. Finance confirms it from the to-confirm queue; the customer becomes a first-time buyer.
    const finance = await pageAs('finance');
    await finance.goto(`${fixture.baseUrl}/finance/orders-to-confirm`);
    await finance.getByTestId('order-table').getByRole('link', { name: orderNo }).click();
    await answered(finance, 'POST /orders/*/confirm', () => confirmOrder(finance));
    expect((await orderOf(finance, orderId)).status).toBe('confirmed');
    await eventually(() => statusText(finance)).toBe('已确认');
    await eventually(() => stageOf(finance, customer.id)).toBe('first_purchase');
    await finance.goto(`${fixture.baseUrl}/customers/${customer.id}`);
    await eventually(() => finance.getByTestId('stage-bar').locator('.ant-steps-item-process').innerText()).toContain(
      '初次购买客户',
    );

    // 4. The warehouse confirms the stock-out in "to confirm"; the order ships.
    const warehouse = await pageAs('warehouse');
    await warehouse.goto(`${fixture.baseUrl}/stock`);
    await warehouse.getByRole('tab', { name: '待出库' }).click();
    const issueRow = warehouse.getByTestId('stock-pending-table').locator('tr', { hasText: orderNo });
    await issueRow.getByTestId('stock-confirm-issue').click();
    const confirmShip = warehouse.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ });
    await answered(warehouse, 'POST /orders/*/ship', confirmShip);
    expect((await orderOf(warehouse, orderId)).status).toBe('shipped');
    await issueRow.waitFor({ state: 'detached' });

    // 5. A second order at list price (within authority, straight to finance), confirmed by finance: repeat buyer.
    const second = await api(rep, 'POST', '/api/v1/orders', {
      customerId: customer.id,
      lines: [{ productId: product.id, quantity: 1 }],
    });
    expect((await api(rep, 'POST', `/api/v1/orders/${second.id}/submit`, {})).status).toBe('submitted');
    await finance.goto(`${fixture.baseUrl}/orders/${second.id}`);
    await answered(finance, 'POST /orders/*/confirm', () => confirmOrder(finance));
    await eventually(() => statusText(finance)).toBe('已确认');
    await eventually(() => stageOf(finance, customer.id)).toBe('repeat');
  });

  it('over the credit limit set by finance, confirming shows the blocked message and the order stays submitted', async () => {
    const rep = await pageAs('east.rep1');
    const customer = await ownCustomerWithoutOrders(rep, ['prospect', 'interested', 'first_purchase', 'repeat']);

    // Finance gives the customer a ¥100 limit on the customer page's orders tab.
    const finance = await pageAs('finance');
    await finance.goto(`${fixture.baseUrl}/customers/${customer.id}?tab=orders`);
    await finance.getByTestId('credit-edit').click();
    await finance.getByTestId('credit-limit').fill('100');
    const save = finance.locator('.ant-modal').getByRole('button', { name: /保\s*存|Save/ });
    await answered(finance, 'PUT /customers/*/credit', save);
    expect((await api(finance, 'GET', `/api/v1/customers/${customer.id}/credit`)).limitFen).toBe(10_000);

    // The rep orders far more than that (list price, so no approval) and submits.
    const product = (await api(rep, 'GET', '/api/v1/products?q=P-1002')).items[0];
    const order = await api(rep, 'POST', '/api/v1/orders', {
      customerId: customer.id,
      lines: [{ productId: product.id, quantity: 3 }],
    });
    expect(order.totalFen).toBeGreaterThan(10_000);
    expect((await api(rep, 'POST', `/api/v1/orders/${order.id}/submit`, {})).status).toBe('submitted');

    // Finance tries to confirm it from the queue: blocked, with the server's zh-CN message.
    await finance.goto(`${fixture.baseUrl}/finance/orders-to-confirm`);
    await finance.getByTestId('order-table').getByRole('link', { name: order.orderNo }).click();
    await answered(finance, 'POST /orders/*/confirm', () => confirmOrder(finance), 422);
    const blocked = finance.getByTestId('order-credit-blocked');
    const text = await blocked.innerText();
    expect(text).toContain('无法确认');
    expect(text).toContain('订单超出客户信用额度');
    expect(text).toContain('额度 100.00 元');
    expect((await orderOf(finance, order.id)).status).toBe('submitted');
    expect(await statusText(finance)).toBe('待确认');
    expect(await stageOf(finance, customer.id)).toBe(customer.stage);
  });
});
