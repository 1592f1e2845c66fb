import type { ImportKind, ImportRow, ImportRowResult } from './import-kind.js';
import { failed } from './import-kind-support.js';
import { planOrders } from './order-lines.plan.js';
import { applyOrder, loadOrderMatches } from './order-lines.write.js';
import { orderGroupKey } from './orders.import-kind.js';
import { SALES_LINE_FIELDS, salesLinesImportMessages } from './sales-lines.import-fields.js';
import { loadSalesReferences, salesOrderReferences } from './sales-lines.references.js';

/**
 * The flat sales-lines file (one row per order line, as ERPs and old CRMs export them): creates or
 * matches customers (with their contact), products, and orders with their lines in one go, grouped
 * by order number. Each order is all or nothing — with the customer, contact and products made for
 * it — so a bad line leaves no half-written order, and re-importing the file creates nothing twice.
 */
export const salesLinesImportKind: ImportKind = {
  name: 'sales_lines',
  permission: 'orders.import',
  labelKey: 'imports.sales_lines.label',
  messages: salesLinesImportMessages,
  fields: SALES_LINE_FIELDS,
  groupKey: orderGroupKey,
  async importBatch(context, rows) {
    const { orders, refused } = planOrders(rows);
    const found = await loadSalesReferences(context, orders);
    const matches = await loadOrderMatches(context, orders);
    const results = new Map<ImportRow, ImportRowResult>();
    for (const [row, errors] of refused) results.set(row, failed(...errors));
    for (const order of orders) {
      const { references, prepare } = salesOrderReferences(context, order, found);
      const written = await applyOrder(context, order, {
        match: matches.get(order),
        references,
        ...(prepare ? { prepare } : {}),
      });
      for (const [row, result] of written) results.set(row, result);
    }
    return rows.map((row) => results.get(row)!);
  },
};
