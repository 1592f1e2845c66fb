import { MAX_AMOUNT_FEN, type OrderLineInput, type OrderStatus, type OrderSummary } from '@guanxi/contract';
import { AppError, invalidField } from '../../platform/errors/app-error.js';
import type { MessageKey } from '../../platform/i18n/messages.js';
import type { OrderableProduct } from '../products/index.js';
import type { OrderLineRow, OrderRow } from './orders.repository.js';
import { iso } from '../../platform/db/row-values.js';

/** A line as computed from the input and the product snapshot, before it gets ids. */
export interface ComputedLine {
  lineNo: number;
  productId: string;
  productCode: string;
  productName: string;
  unit: string;
  quantity: number;
  unitPriceFen: number;
  discountBp: number;
  lineTotalFen: number;
  listPriceFen: number;
  unitCostFen: number;
}

/**
 * round(quantity × price × (10000 − discount) / 10000), half up, in exact integer arithmetic:
 * the intermediate product can exceed 2^53, so it is a bigint.
 */
export function lineTotalFen(quantity: number, unitPriceFen: number, discountBp: number): bigint {
  const gross = BigInt(quantity) * BigInt(unitPriceFen) * BigInt(10000 - discountBp);
  return (gross + 5000n) / 10000n;
}

/** The effective unit price of a line: its total ÷ quantity, rounded down (what price authority compares). */
export const effectiveUnitPriceFen = (line: Pick<ComputedLine, 'lineTotalFen' | 'quantity'>): number =>
  Math.floor(line.lineTotalFen / line.quantity);

/**
 * Lines from the input: each product must exist and be active (400 naming `lines.<i>.productId`);
 * prices default to the list price; list price and cost are snapshotted (schema comment).
 */
export function computeLines(
  inputs: readonly OrderLineInput[],
  products: ReadonlyMap<string, OrderableProduct>,
): { lines: ComputedLine[]; totalFen: number; costFen: number } {
  let total = 0n;
  let cost = 0n;
  const lines = inputs.map((input, i) => {
    const product = products.get(input.productId);
    if (!product || !product.active) throw invalidField(`lines.${i}.productId`, 'validation.orderProduct');
    const unitPriceFen = input.unitPriceFen ?? product.listPriceFen;
    const discountBp = input.discountBp ?? 0;
    const lineTotal = lineTotalFen(input.quantity, unitPriceFen, discountBp);
    if (lineTotal > BigInt(MAX_AMOUNT_FEN)) throw invalidField(`lines.${i}.quantity`, 'validation.orderAmountTooLarge');
    total += lineTotal;
    cost += BigInt(input.quantity) * BigInt(product.costPriceFen);
    return {
      lineNo: i + 1,
      productId: product.id,
      productCode: product.code,
      productName: product.name,
      unit: product.unit,
      quantity: input.quantity,
      unitPriceFen,
      discountBp,
      lineTotalFen: Number(lineTotal),
      listPriceFen: product.listPriceFen,
      unitCostFen: product.costPriceFen,
    };
  });
  if (total > BigInt(MAX_AMOUNT_FEN) || cost > BigInt(MAX_AMOUNT_FEN))
    throw invalidField('lines', 'validation.orderAmountTooLarge');
  return { lines, totalFen: Number(total), costFen: Number(cost) };
}

export const toOrderSummary = (row: OrderRow): OrderSummary => ({
  id: row.id,
  orderNo: row.orderNo,
  customerId: row.customerId,
  customerName: row.customerName,
  customerStage: row.customerStage,
  isFirstOrder: row.isFirstOrder,
  opportunityId: row.opportunityId,
  ownerId: row.ownerId,
  ownerName: row.ownerName,
  status: row.status as OrderStatus,
  currency: row.currency,
  orderDate: row.orderDate,
  warehouseId: row.warehouseId,
  totalFen: row.totalFen,
  costFen: row.costFen,
  paidFen: row.paidFen,
  notes: row.notes,
  submittedAt: iso(row.submittedAt),
  creditOverrideReason: row.creditOverrideReason,
  creditOverrideBy: row.creditOverrideBy,
  creditOverrideByName: row.creditOverrideByName,
  confirmedAt: iso(row.confirmedAt),
  confirmedBy: row.confirmedBy,
  shippedAt: iso(row.shippedAt),
  completedAt: iso(row.completedAt),
  cancelledAt: iso(row.cancelledAt),
  cancelReason: row.cancelReason,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  version: row.version,
});

export const toOrderLine = (line: OrderLineRow) => ({
  id: line.id,
  lineNo: line.lineNo,
  productId: line.productId,
  productCode: line.productCode,
  productName: line.productName,
  unit: line.unit,
  quantity: line.quantity,
  unitPriceFen: line.unitPriceFen,
  discountBp: line.discountBp,
  lineTotalFen: line.lineTotalFen,
  listPriceFen: line.listPriceFen,
  unitCostFen: line.unitCostFen,
});

/** The audited state of an order: its own columns, without joined names. */
export const auditedState = (row: OrderRow) => ({
  orderNo: row.orderNo,
  customFields: row.customFields,
  customerId: row.customerId,
  ownerId: row.ownerId,
  status: row.status,
  currency: row.currency,
  orderDate: row.orderDate,
  warehouseId: row.warehouseId,
  totalFen: row.totalFen,
  costFen: row.costFen,
  notes: row.notes,
  creditOverrideReason: row.creditOverrideReason,
  creditOverrideBy: row.creditOverrideBy,
  cancelReason: row.cancelReason,
  isFirstOrder: row.isFirstOrder,
  opportunityId: row.opportunityId,
  version: row.version,
});

const WRONG_STATE: Record<OrderStatus, MessageKey> = {
  draft: 'error.order.wrongState.draft',
  pending_approval: 'error.order.wrongState.pending_approval',
  submitted: 'error.order.wrongState.submitted',
  confirmed: 'error.order.wrongState.confirmed',
  shipped: 'error.order.wrongState.shipped',
  completed: 'error.order.wrongState.completed',
  cancelled: 'error.order.wrongState.cancelled',
};

/** A transition from the wrong state: 409 naming the current state in the caller's language. */
export function assertStatus(row: OrderRow, allowed: readonly OrderStatus[]): void {
  const status = row.status as OrderStatus;
  if (!allowed.includes(status)) {
    throw new AppError('conflict', WRONG_STATE[status]);
  }
}
