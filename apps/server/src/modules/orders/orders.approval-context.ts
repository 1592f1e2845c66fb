import type { ApprovalContextFacts, PriceApprovalLine, Stage } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import type { ApprovalContextRequest } from '../../platform/module-kit/module-definition.js';
import { priceAuthority, type FloorFunction } from '../products/index.js';
import { creditFiguresOf } from './credit.service.js';
import { ordersRepository, type OrderLineRow } from './orders.repository.js';
import { effectiveUnitPriceFen } from './orders.values.js';

/** A share in percent with one decimal (12.5 for 12.5 %), computed in fen so no float drifts in first. */
const percentOf = (part: number, whole: number) => Math.round((part * 1000) / whole) / 10;

function priceLine(line: OrderLineRow, floors: { seller: FloorFunction; approver: FloorFunction }): PriceApprovalLine {
  const unitPriceFen = effectiveUnitPriceFen(line);
  const product = { listPriceFen: line.listPriceFen, costPriceFen: line.unitCostFen };
  const marginFen = (unitPriceFen - line.unitCostFen) * line.quantity;
  return {
    lineNo: line.lineNo,
    productName: line.productName,
    quantity: line.quantity,
    listPriceFen: line.listPriceFen,
    unitPriceFen,
    sellerFloorFen: floors.seller(product),
    approverFloorFen: floors.approver(product),
    discountPercent: line.listPriceFen > 0 ? percentOf(line.listPriceFen - unitPriceFen, line.listPriceFen) : 0,
    marginFen,
    marginPercent: unitPriceFen > 0 ? percentOf(marginFen, unitPriceFen * line.quantity) : null,
  };
}

/** The order a price or credit request is about, with its customer's credit figures. */
async function orderWithCredit(db: Executor, request: ApprovalContextRequest) {
  if (request.entityType !== 'order') return null;
  const order = await ordersRepository.getForApprovalCard(db, request.orgId, request.entityId);
  if (!order) return null;
  return { order, credit: await creditFiguresOf(db, request.orgId, order.customerId) };
}

/**
 * A price approval's card: every line with list price, the seller's and the reader's floors (for
 * the customer's stage now), discount and margin; the customer's stage, credit limit and ageing.
 */
export async function priceApprovalContext(
  db: Executor,
  request: ApprovalContextRequest,
): Promise<ApprovalContextFacts | null> {
  const found = await orderWithCredit(db, request);
  if (!found) return null;
  const { order, credit } = found;
  const stage = order.customerStage as Stage;
  // One query at a time: PGlite runs them one by one anyway, and a pool need not hand out four clients.
  const seller = await priceAuthority.floorFor(db, { orgId: request.orgId, sellerId: order.ownerId, stage });
  const approver = await priceAuthority.floorFor(db, { orgId: request.orgId, sellerId: request.viewerId, stage });
  const lines = await ordersRepository.findLines(db, request.orgId, order.id);
  return {
    kind: 'price',
    orderNo: order.orderNo,
    totalFen: order.totalFen,
    currency: order.currency,
    lines: lines.map((line) => priceLine(line, { seller, approver })),
    customer: {
      stage,
      creditLimitFen: credit.limitFen,
      outstandingFen: credit.outstandingFen,
      overdueFen: credit.overdueFen,
      currency: credit.currency,
    },
  };
}

/** A credit override's card: the limit, what is owed, this order, what is overdue, and the excess. */
export async function creditApprovalContext(
  db: Executor,
  request: ApprovalContextRequest,
): Promise<ApprovalContextFacts | null> {
  const found = await orderWithCredit(db, request);
  if (!found) return null;
  const { order, credit } = found;
  const excess = credit.limitFen === null ? 0 : credit.outstandingFen + order.totalFen - credit.limitFen;
  return {
    kind: 'credit',
    orderNo: order.orderNo,
    currency: order.currency,
    limitFen: credit.limitFen,
    outstandingFen: credit.outstandingFen,
    orderFen: order.totalFen,
    overdueFen: credit.overdueFen,
    excessFen: Math.max(0, excess),
  };
}
