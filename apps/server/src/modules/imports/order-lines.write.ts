import type { OrderLineInput } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import {
  findImportMatches,
  insertImportedOrder,
  updateImportedDraft,
  type ImportMatchedOrder,
} from '../orders/index.js';
import type { ImportBatchContext, ImportRow, ImportRowIssue, ImportRowResult } from './import-kind.js';
import { failed, issue, isPlanned, plannedId, writeAtomically } from './import-kind-support.js';
import { refuseOrder, type PlannedOrder } from './order-lines.plan.js';

/** What an order needs resolved before it is written: its customer and its products by code. */
export interface OrderReferences {
  customerId: string;
  productIds: ReadonlyMap<string, string>;
}

/** Existing orders the batch's orders name, by external id (deleted ones too) or number. */
export async function loadOrderMatches(
  context: ImportBatchContext,
  orders: readonly PlannedOrder[],
): Promise<Map<PlannedOrder, ImportMatchedOrder>> {
  const found = await findImportMatches(context.tx, context.orgId, {
    externalIds: orders.map((o) => o.externalId),
    orderNos: orders.map((o) => o.orderNo),
  });
  const result = new Map<PlannedOrder, ImportMatchedOrder>();
  for (const order of orders) {
    const match =
      found.find((f) => f.externalId === order.externalId) ??
      found.find((f) => f.externalId === null && f.orderNo === order.orderNo);
    if (match) result.set(order, match);
  }
  return result;
}

export const lineInputsOf = (order: PlannedOrder, productIds: ReadonlyMap<string, string>): OrderLineInput[] =>
  order.lines.map((l) => ({
    productId: productIds.get(l.productCode)!,
    quantity: l.quantity,
    discountBp: l.discountBp,
    ...(l.unitPriceFen === null ? {} : { unitPriceFen: l.unitPriceFen }),
  }));

/** The file says what the order already says: same state, date and lines (a price left out matches any). */
function unchanged(match: ImportMatchedOrder, order: PlannedOrder, inputs: readonly OrderLineInput[]): boolean {
  if (match.status !== order.status) return false;
  if (order.orderDate !== null && match.orderDate !== order.orderDate) return false;
  if (match.lines.length !== inputs.length) return false;
  return inputs.every((input, i) => {
    const line = match.lines[i]!;
    return (
      line.productId === input.productId &&
      line.quantity === input.quantity &&
      line.discountBp === (input.discountBp ?? 0) &&
      (input.unitPriceFen === undefined || line.unitPriceFen === input.unitPriceFen)
    );
  });
}

const sameForAll = (order: PlannedOrder, result: ImportRowResult) => new Map(order.rows.map((row) => [row, result]));

/** `lines.3.quantity` of the API is the fourth line's row and its field. */
function rowOfApiField(order: PlannedOrder, apiField: string): { row: ImportRow; field: string | null } {
  const match = /^lines\.(\d+)\.(\w+)$/.exec(apiField);
  const line = match ? order.lines[Number(match[1])] : undefined;
  if (!line) return { row: order.first, field: apiField === 'lines' ? 'amount' : apiField };
  const field = { productId: 'productCode', unitPriceFen: 'unitPrice', discountBp: 'discountPercent' }[match![2]!];
  return { row: line.row, field: field ?? match![2]! };
}

/** Row results of an order whose write failed: the failing line's row carries the issues. */
function refusedByIssues(order: PlannedOrder, issues: readonly ImportRowIssue[]) {
  const located = issues.map((i) => ({ ...rowOfApiField(order, i.field ?? ''), issue: i }));
  const culprit = located[0]?.row ?? order.first;
  const own = located
    .filter((l) => l.row === culprit)
    .map((l) => ({ ...l.issue, field: l.issue.field === null ? null : l.field }));
  return new Map([...refuseOrder(order, culprit, own)].map(([row, errors]) => [row, failed(...errors)]));
}

/**
 * Applies the duplicate policy to one order and, in the run, writes it in a savepoint, all or
 * nothing: `prepare` creates what the order needs first (the sales-lines kind's customer, contact
 * and products) and is rolled back with it. Every row of the order gets a result.
 */
export async function applyOrder(
  context: ImportBatchContext,
  order: PlannedOrder,
  options: {
    match: ImportMatchedOrder | undefined;
    references: OrderReferences | ImportRowIssue[];
    prepare?: (tx: Executor) => Promise<OrderReferences>;
  },
): Promise<Map<ImportRow, ImportRowResult>> {
  const { match } = options;
  if (Array.isArray(options.references)) return refusedByIssues(order, options.references);
  const references = options.references;
  const memoryKey = `order:${order.externalId.toLowerCase()}`;
  if (match?.deleted) return sameForAll(order, failed(issue('externalId', 'imports.rowError.deletedRecord')));
  if (!match && context.fileMemory.has(memoryKey))
    return sameForAll(order, failed(issue('orderNo', 'imports.rowError.duplicateInFile')));
  if (match) {
    const byExternalId = match.externalId === order.externalId;
    if (context.duplicatePolicy === 'skip' || (context.duplicatePolicy === 'create' && byExternalId))
      return sameForAll(order, { outcome: 'duplicate', recordId: match.id });
    if (context.duplicatePolicy === 'update') {
      const planned = [...references.productIds.values()].some(isPlanned) || isPlanned(references.customerId);
      const inputs = planned ? [] : lineInputsOf(order, references.productIds);
      if (!planned && unchanged(match, order, inputs))
        return sameForAll(order, { outcome: 'unchanged', recordId: match.id });
      if (match.status !== 'draft' || order.status !== 'draft')
        return refusedByIssues(order, [issue('status', 'imports.orders.error.onlyDrafts', { orderNo: match.orderNo })]);
      if (context.mode === 'check') return sameForAll(order, { outcome: 'updated', recordId: match.id });
      const written = await writeAtomically(context, (tx) =>
        updateImportedDraft(tx, context.actor, match.id, {
          lines: inputs,
          ...(order.orderDate ? { orderDate: order.orderDate } : {}),
          ...(order.notes !== null ? { notes: order.notes } : {}),
        }),
      );
      return written.ok
        ? sameForAll(order, { outcome: 'updated', recordId: match.id })
        : refusedByIssues(order, written.issues);
    }
  }
  if (context.mode === 'check') {
    context.fileMemory.set(memoryKey, plannedId(memoryKey));
    return sameForAll(order, { outcome: 'created' });
  }
  const written = await writeAtomically(context, async (tx) => {
    const resolved = options.prepare ? await options.prepare(tx) : references;
    return insertImportedOrder(
      tx,
      { actor: context.actor, events: context.events, now: context.now },
      {
        orderNo: order.orderNo,
        externalId: match?.externalId === order.externalId ? null : order.externalId,
        customerId: resolved.customerId,
        status: order.status,
        orderDate: order.orderDate ?? context.now.toISOString().slice(0, 10),
        currency: order.currency ?? undefined,
        notes: order.notes,
        lines: lineInputsOf(order, resolved.productIds),
      },
    );
  });
  if (!written.ok) return refusedByIssues(order, written.issues);
  context.fileMemory.set(memoryKey, written.value.id);
  return sameForAll(order, { outcome: 'created', recordId: written.value.id });
}
