import { DEFAULT_CURRENCY, type OrderLineInput } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound, staleVersion } from '../../platform/errors/app-error.js';
import type { EventBus } from '../../platform/events/index.js';
import { orgTimeZone, startOfDate } from '../../platform/time/index.js';
import { productCatalog } from '../products/index.js';
import { orderStock } from '../stock/index.js';
import { ordersRepository } from './orders.repository.js';
import { PURCHASED_ORDER_STATUSES, type ImportableOrderStatus } from './orders.import-status.js';
import { assertStatus, auditedState, computeLines, toOrderLine } from './orders.values.js';
import { lockOrder } from './orders.service.js';

/** An order read from a file, its references already resolved to ids. */
export interface ImportedOrder {
  /** The number in the file; kept as the order's number when no other order of the organization has it. */
  orderNo: string | null;
  /** The order's id in the old system (re-importing the file finds it by this). */
  externalId?: string | null | undefined;
  customerId: string;
  status: ImportableOrderStatus;
  orderDate: string;
  currency?: string | undefined;
  notes?: string | null | undefined;
  lines: readonly OrderLineInput[];
}

export interface ImportContext {
  actor: Actor;
  /** The app's bus: the lifecycle hears `order.confirmed` of imported purchases as of hand-made ones. */
  events: EventBus;
  now: Date;
}

/** The order state's timestamps, at the start of the order date in the organization's time zone. */
function stateTimes(status: ImportableOrderStatus, at: Date, actor: Actor) {
  const reached = (state: ImportableOrderStatus) =>
    ['draft', 'submitted', 'confirmed', 'shipped', 'completed'].indexOf(status) >=
    ['draft', 'submitted', 'confirmed', 'shipped', 'completed'].indexOf(state);
  if (status === 'cancelled') return { cancelledAt: at };
  return {
    submittedAt: reached('submitted') ? at : null,
    confirmedAt: reached('confirmed') ? at : null,
    confirmedBy: reached('confirmed') ? actor.userId : null,
    shippedAt: reached('shipped') ? at : null,
    completedAt: reached('completed') ? at : null,
  };
}

/**
 * Writes an imported order with its lines in the caller's transaction, by the rules of a hand-made
 * one: the customer must be in the actor's owned-record scope (404) and owned (422: a pool customer
 * has no salesperson to credit), products must exist and be active, amounts within the caps (400
 * naming `lines.<i>.…`). The order is credited to the customer's owner.
 *
 * It is history, not a new sale: its state comes from the file, its state times are the order date,
 * no stock is reserved or issued (the goods moved in the old system) and no approval is opened. A
 * purchase (confirmed, shipped, completed) publishes `order.confirmed` at import time, so the
 * lifecycle moves the customer to first-time buyer and repeat customer as for an order confirmed by
 * hand, and stage dwell times stay in step with the transition log.
 */
export async function insertImportedOrder(
  tx: Executor,
  context: ImportContext,
  order: ImportedOrder,
): Promise<{ id: string; orderNo: string; totalFen: number }> {
  const { actor } = context;
  const customer = await ordersRepository.findWritableCustomer(tx, actor, order.customerId);
  if (!customer) throw notFound('entity.customer');
  if (customer.ownerId === null) throw new AppError('business_rule', 'error.order.customerInPool');
  const id = newId();
  const products = await productCatalog.findByIds(
    tx,
    actor.orgId,
    order.lines.map((l) => l.productId),
  );
  const computed = computeLines(order.lines, products);
  const wanted = order.orderNo?.trim();
  const orderNo =
    wanted && wanted.length <= 32 && !(await ordersRepository.orderNoTaken(tx, actor.orgId, wanted))
      ? wanted
      : await ordersRepository.nextOrderNo(tx, actor.orgId);
  const at = startOfDate(order.orderDate, await orgTimeZone(tx, actor.orgId));
  const warehouseId = await orderStock.defaultWarehouseId(tx, actor.orgId);
  await ordersRepository.insert(tx, {
    orgId: actor.orgId,
    id,
    orderNo,
    customerId: customer.id,
    ownerId: customer.ownerId,
    status: order.status,
    currency: order.currency ?? DEFAULT_CURRENCY,
    orderDate: order.orderDate,
    warehouseId,
    totalFen: computed.totalFen,
    costFen: computed.costFen,
    notes: order.notes?.trim() || null,
    createdBy: actor.userId,
    externalId: order.externalId ?? null,
    ...stateTimes(order.status, at, actor),
  });
  await ordersRepository.insertLines(
    tx,
    computed.lines.map((line) => ({ orgId: actor.orgId, id: newId(), orderId: id, ...line })),
  );
  if (PURCHASED_ORDER_STATUSES.includes(order.status)) {
    await context.events.publish(tx, {
      type: 'order.confirmed',
      orgId: actor.orgId,
      customerId: customer.id,
      orderId: id,
      actorId: actor.userId,
      at: context.now,
    });
  }
  return { id, orderNo, totalFen: computed.totalFen };
}

/** Live orders by number as the actor may read them: number → id, customer, state, total and paid. */
export async function findOrdersByNumber(tx: Executor, actor: Actor, orderNos: readonly string[]) {
  const rows = await ordersRepository.findByOrderNos(tx, actor, orderNos);
  // An imported order is found by its old-system number too; an order's own number wins (set last).
  const byKey = [
    ...rows.filter((r) => r.externalId !== null).map((r) => [r.externalId!, r] as const),
    ...rows.map((r) => [r.orderNo, r] as const),
  ];
  return new Map(
    byKey.map(([key, r]) => [
      key,
      {
        id: r.id,
        orderNo: r.orderNo,
        customerId: r.customerId,
        status: r.status,
        totalFen: r.totalFen,
        paidFen: r.paidFen,
      },
    ]),
  );
}

/** An existing order an import row may name: by external id (deleted ones too) or number. */
export interface ImportMatchedOrder {
  id: string;
  orderNo: string;
  externalId: string | null;
  customerId: string;
  status: string;
  orderDate: string;
  notes: string | null;
  deleted: boolean;
  lines: { productId: string; quantity: number; unitPriceFen: number; discountBp: number }[];
}

/** Orders of the organization carrying one of the external ids or numbers, with their lines. */
export async function findImportMatches(
  tx: Executor,
  orgId: string,
  keys: { externalIds: readonly string[]; orderNos: readonly string[] },
): Promise<ImportMatchedOrder[]> {
  const rows = await ordersRepository.findByKeys(tx, orgId, keys);
  const lines = await ordersRepository.findLinesOf(
    tx,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    lines: lines
      .filter((l) => l.orderId === r.id)
      .map((l) => ({
        productId: l.productId,
        quantity: l.quantity,
        unitPriceFen: l.unitPriceFen,
        discountBp: l.discountBp,
      })),
  }));
}

/**
 * An import's update of an order: drafts only, as in the API (409 naming the state otherwise); the
 * lines are replaced and the totals follow; the date and notes change when given. Audited like an edit.
 */
export async function updateImportedDraft(
  tx: Executor,
  actor: Actor,
  id: string,
  changes: { lines: readonly OrderLineInput[]; orderDate?: string | undefined; notes?: string | null | undefined },
): Promise<void> {
  const before = await lockOrder(tx, actor, id, { scope: 'write' });
  assertStatus(before, ['draft']);
  const beforeLines = await ordersRepository.findLines(tx, actor.orgId, id);
  const products = await productCatalog.findByIds(
    tx,
    actor.orgId,
    changes.lines.map((l) => l.productId),
  );
  const computed = computeLines(changes.lines, products);
  await ordersRepository.replaceLines(
    tx,
    { orgId: actor.orgId, orderId: id },
    computed.lines.map((line) => ({ orgId: actor.orgId, id: newId(), orderId: id, ...line })),
  );
  const values = {
    totalFen: computed.totalFen,
    costFen: computed.costFen,
    ...(changes.orderDate !== undefined ? { orderDate: changes.orderDate } : {}),
    ...(changes.notes !== undefined ? { notes: changes.notes?.trim() || null } : {}),
  };
  if (!(await ordersRepository.update(tx, { orgId: actor.orgId, id, version: before.version }, values)))
    throw staleVersion();
  const after = (await ordersRepository.lockById(tx, { actor, scope: 'write' }, id))!;
  const afterLines = await ordersRepository.findLines(tx, actor.orgId, id);
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'order',
    entityId: id,
    before: { ...auditedState(before), lines: beforeLines.map(toOrderLine) },
    after: { ...auditedState(after), lines: afterLines.map(toOrderLine) },
  });
}
