import type { Page } from 'playwright-core';
import { api } from './browser.js';
import { expect } from 'vitest';
import { clickWhenStill } from './settle.js';

/**
 * A confirmed order, made through the API with the page's session, for screens that start from one
 * (payments, stock issues); the order screens themselves are tested in orders.test.ts. It is for the
 * first customer the page's user sees, so that user must be one who may confirm orders (finance).
 */
export async function createConfirmedOrder(
  page: Page,
  line: { productCode: string; quantity: number },
): Promise<{ id: string; orderNo: string; totalFen: number }> {
  const customer = (await api(page, 'GET', '/api/v1/customers?limit=1')).items[0];
  const product = (await api(page, 'GET', `/api/v1/products?q=${line.productCode}`)).items[0];
  const created = await api(page, 'POST', '/api/v1/orders', {
    customerId: customer.id,
    lines: [{ productId: product.id, quantity: line.quantity }],
  });
  await api(page, 'POST', `/api/v1/orders/${created.id}/submit`, {});
  await api(page, 'POST', `/api/v1/orders/${created.id}/confirm`, {});
  return { id: created.id, orderNo: created.orderNo, totalFen: created.totalFen };
}

/**
 * Finance confirms the open order page's order: the dialog says what confirming sets off (the
 * amount owed, the warehouse's issue, the lifecycle) before it happens, then its OK confirms.
 */
export async function confirmOrder(page: Page): Promise<void> {
  await clickWhenStill(page.getByTestId('order-confirm'));
  const dialog = page.locator('.ant-modal-confirm');
  await dialog.waitFor();
  const text = await dialog.innerText();
  expect(text).toMatch(/仓库|warehouse/);
  expect(text).toMatch(/¥[\d,]+\.\d\d/);
  await clickWhenStill(page.getByTestId('order-confirm-ok'));
}
