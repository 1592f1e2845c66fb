import { productImport } from '../products/index.js';
import type { ImportKind, ImportRow, ImportRowIssue, ImportRowResult } from './import-kind.js';
import { failed, issue, textOf } from './import-kind-support.js';
import { resolveCustomers } from './import-customer-refs.js';
import { planOrders, type PlannedOrder } from './order-lines.plan.js';
import { applyOrder, loadOrderMatches, type OrderReferences } from './order-lines.write.js';
import { ORDER_FIELDS, ordersImportMessages } from './orders.import-fields.js';

/** Consecutive lines of one order stay in one batch. */
export const orderGroupKey = (row: ImportRow): string | null => textOf(row, 'orderNo')?.toLowerCase() ?? null;

/**
 * Orders with their lines (订单) for existing customers and products: one row per line, grouped by
 * order number; the customer by external id, customer number or name, products by code. Each order
 * is written whole or not at all.
 */
export const ordersImportKind: ImportKind = {
  name: 'orders',
  permission: 'orders.import',
  labelKey: 'imports.orders.label',
  messages: ordersImportMessages,
  fields: ORDER_FIELDS,
  groupKey: orderGroupKey,
  async importBatch(context, rows) {
    const { orders, refused } = planOrders(rows);
    const customerOf = await resolveCustomers(
      context,
      orders.map((o) => o.first),
    );
    const products = await productImport.findByCodes(
      context.tx,
      context.orgId,
      orders.flatMap((o) => o.lines.map((l) => l.productCode)),
    );
    const matches = await loadOrderMatches(context, orders);
    const results = new Map<ImportRow, ImportRowResult>();
    for (const [row, errors] of refused) results.set(row, failed(...errors));
    for (const order of orders) {
      const written = await applyOrder(context, order, {
        match: matches.get(order),
        references: referencesOf(order, customerOf(order.first), products),
      });
      for (const [row, result] of written) results.set(row, result);
    }
    return rows.map((row) => results.get(row)!);
  },
};

function referencesOf(
  order: PlannedOrder,
  customer: Awaited<ReturnType<typeof resolveCustomers>> extends (row: ImportRow) => infer R ? R : never,
  products: ReadonlyMap<string, { id: string }>,
): OrderReferences | ImportRowIssue[] {
  if ('issues' in customer) return customer.issues;
  const missing = order.lines.findIndex((l) => !products.has(l.productCode));
  if (missing >= 0) return [issue(`lines.${missing}.productId`, 'imports.rowError.notFound')];
  return {
    customerId: customer.customer.id,
    productIds: new Map(order.lines.map((l) => [l.productCode, products.get(l.productCode)!.id])),
  };
}
