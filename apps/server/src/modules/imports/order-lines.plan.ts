import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from '@guanxi/contract';
import {
  DEFAULT_IMPORTED_ORDER_STATUS,
  IMPORTABLE_ORDER_STATUSES,
  type ImportableOrderStatus,
} from '../orders/index.js';
import type { ImportRow, ImportRowIssue } from './import-kind.js';
import { issue, numberOf, textOf } from './import-kind-support.js';
import { findOrderConflicts, groupLinesByOrder, reconcileLinePrice, sortOrderLines } from './sales-lines.grouping.js';

/** One line of an order file after the checks that need no database. */
export interface PlannedLine {
  row: ImportRow;
  productCode: string;
  quantity: number;
  /** Null: the product's list price (as the API defaults it). */
  unitPriceFen: number | null;
  discountBp: number;
  /** The fen the stored line total differs from the file's amount by (amount wins over a capped price). */
  differenceFen: number;
}

/** An order of the file: its rows, the order-level values of its first row, its lines. */
export interface PlannedOrder {
  orderNo: string;
  externalId: string;
  rows: ImportRow[];
  first: ImportRow;
  status: ImportableOrderStatus;
  orderDate: string | null;
  currency: string | null;
  notes: string | null;
  lines: PlannedLine[];
}

/** Order-level fields: every line of one order must agree on them (empty cells aside). */
export const ORDER_LEVEL_FIELDS = [
  'externalId',
  'orderDate',
  'status',
  'currency',
  'customerExternalId',
  'customerNo',
  'customerName',
] as const;

const CURRENCY = /^[A-Z]{3}$/;

function planLine(row: ImportRow): PlannedLine | ImportRowIssue[] {
  const issues: ImportRowIssue[] = [];
  const productCode = textOf(row, 'productCode');
  if (!productCode) issues.push(issue('productCode', 'imports.rowError.required'));
  const quantity = numberOf(row, 'quantity');
  if (quantity === null || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY)
    issues.push(issue('quantity', 'imports.rowError.invalid'));
  const discount = numberOf(row, 'discountPercent') ?? 0;
  if (discount < 0 || discount > 100) issues.push(issue('discountPercent', 'imports.rowError.invalid'));
  const price = numberOf(row, 'unitPrice');
  const amount = numberOf(row, 'amount');
  if ((price !== null && price < 0) || (amount !== null && amount < 0))
    issues.push(issue(price !== null && price < 0 ? 'unitPrice' : 'amount', 'imports.rowError.invalid'));
  if (issues.length > 0) return issues;
  const discountBp = Math.round(discount * 100);
  // A discounted line's amount is after the discount: compare it with the price only without one.
  const reconciled =
    discountBp === 0
      ? reconcileLinePrice({ quantity: quantity!, unitPriceFen: price, amountFen: amount })
      : { unitPriceFen: price, differenceFen: 0 };
  return {
    row,
    productCode: productCode!,
    quantity: quantity!,
    unitPriceFen: reconciled.unitPriceFen,
    discountBp,
    differenceFen: reconciled.differenceFen,
  };
}

/**
 * Groups the rows by order number and checks what needs no database: order-level values agree on
 * every line, each line has a product code, a whole quantity in range, a sane price, amount and
 * discount. An order with any bad line is refused whole (all-or-nothing per order): its bad rows
 * carry their own issues, the others say the order was refused because of them.
 */
export function planOrders(rows: readonly ImportRow[]): {
  orders: PlannedOrder[];
  refused: Map<ImportRow, ImportRowIssue[]>;
} {
  const refused = new Map<ImportRow, ImportRowIssue[]>();
  const orders: PlannedOrder[] = [];
  const lines = rows.map((row) => ({ row: row.rowNumber, orderNo: textOf(row, 'orderNo') ?? '', source: row }));
  for (const group of groupLinesByOrder(lines)) {
    const own = new Map<ImportRow, ImportRowIssue[]>();
    const add = (row: ImportRow, found: ImportRowIssue) => own.set(row, [...(own.get(row) ?? []), found]);
    const byRow = new Map(group.lines.map((l) => [l.row, l.source]));
    if (group.orderNo === '') for (const l of group.lines) add(l.source, issue('orderNo', 'imports.rowError.required'));
    const fields = ORDER_LEVEL_FIELDS.map((field) => ({
      field,
      valueOf: (l: (typeof lines)[number]) => textOf(l.source, field),
    }));
    for (const conflict of findOrderConflicts(group, fields))
      add(
        byRow.get(conflict.row)!,
        issue(conflict.field, 'imports.orders.error.orderConflict', {
          orderNo: group.orderNo,
          expected: conflict.expected,
          actual: conflict.actual,
        }),
      );
    const first = group.lines[0]!.source;
    const status = (textOf(first, 'status') ?? DEFAULT_IMPORTED_ORDER_STATUS) as ImportableOrderStatus;
    if (!(IMPORTABLE_ORDER_STATUSES as readonly string[]).includes(status))
      add(first, issue('status', 'imports.rowError.invalid'));
    const currency = textOf(first, 'currency')?.toUpperCase() ?? null;
    if (currency !== null && !CURRENCY.test(currency)) add(first, issue('currency', 'imports.rowError.invalid'));
    if (group.lines.length > MAX_ORDER_LINES)
      add(first, issue('orderNo', 'imports.orders.error.tooManyLines', { max: MAX_ORDER_LINES }));
    const ordered = sortOrderLines(group.lines.map((l) => ({ ...l, lineNo: numberOf(l.source, 'lineNo') })));
    const planned: PlannedLine[] = [];
    for (const l of ordered) {
      const line = planLine(l.source);
      if (Array.isArray(line)) for (const found of line) add(l.source, found);
      else planned.push(line);
    }
    const groupRows = group.lines.map((l) => l.source);
    if (own.size > 0) {
      const firstBad = Math.min(...[...own.keys()].map((r) => r.rowNumber));
      for (const row of groupRows)
        refused.set(
          row,
          own.get(row) ?? [issue(null, 'imports.orders.error.orderRefused', { orderNo: group.orderNo, row: firstBad })],
        );
      continue;
    }
    orders.push({
      orderNo: group.orderNo,
      externalId: textOf(first, 'externalId') ?? group.orderNo,
      rows: groupRows,
      first,
      status,
      orderDate: textOf(first, 'orderDate'),
      currency,
      notes: textOf(first, 'notes'),
      lines: planned,
    });
  }
  return { orders, refused };
}

/** Every row of a refused order: its own issues or "refused because of row n". */
export function refuseOrder(order: PlannedOrder, culprit: ImportRow, issues: readonly ImportRowIssue[]) {
  return new Map(
    order.rows.map((row) => [
      row,
      row === culprit
        ? [...issues]
        : [issue(null, 'imports.orders.error.orderRefused', { orderNo: order.orderNo, row: culprit.rowNumber })],
    ]),
  );
}
