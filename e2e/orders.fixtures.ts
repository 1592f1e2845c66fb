import type { Page } from 'playwright-core';
import { api } from './browser.js';

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
