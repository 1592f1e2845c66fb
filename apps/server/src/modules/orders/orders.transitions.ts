import {
  type ConfirmOrderBody,
  formatYuan,
  type Order,
  type OrderReasonBody,
  type OrderStatus,
  type OrderTransitionBody,
  type Stage,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { hasPermission } from '../../platform/auth/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { AppError, staleVersion } from '../../platform/errors/app-error.js';
import type { EventBus } from '../../platform/events/index.js';
import { translate } from '../../platform/i18n/translate.js';
import { approvalEngine } from '../approvals/index.js';
import { customerDiscountBp, floorWithDiscount } from '../../platform/pricing/index.js';
import { priceAuthority } from '../products/index.js';
import { orderStock } from '../stock/index.js';
import { checkCredit, type CreditDecision } from './credit.service.js';
import { isFirstOrderUnderCare, scheduleFirstOrderReturnVisit } from './orders.first-order.js';
import { ordersRepository, type OrderRow } from './orders.repository.js';
import { lockOrder, readOrder } from './orders.service.js';
import { assertStatus, auditedState, effectiveUnitPriceFen, toOrderLine } from './orders.values.js';

type OrderChanges = Parameters<typeof ordersRepository.update>[2];

/** Writes a state change and its audit row (before/after status) in the caller's transaction. */
export async function applyTransition(
  tx: Executor,
  audit: Parameters<typeof recordAudit>[1],
  before: OrderRow,
  changes: OrderChanges & { status: OrderStatus },
  note?: Record<string, unknown>,
): Promise<void> {
  if (!(await ordersRepository.update(tx, { orgId: audit.orgId, id: before.id, version: before.version }, changes)))
    throw staleVersion();
  await recordAudit(tx, audit, {
    action: changes.status === before.status ? 'update' : `status:${changes.status}`,
    entity: 'order',
    entityId: before.id,
    before: auditedState(before),
    after: { ...auditedState({ ...before, ...(changes as Partial<OrderRow>), version: before.version + 1 }), ...note },
  });
}

/** Order state changes: submit, confirm, ship, complete, cancel and the credit override request. */
export function createOrderTransitions({ db, events }: { db: Db; events: EventBus }) {
  const belowFloor = async (tx: Executor, actor: Actor, order: OrderRow) => {
    // A member's level discount (issue 15) is part of the seller's authority for that customer.
    const floorOf = floorWithDiscount(
      await priceAuthority.floorFor(tx, {
        orgId: actor.orgId,
        sellerId: order.ownerId,
        stage: order.customerStage as Stage,
      }),
      await customerDiscountBp(tx, { orgId: actor.orgId, customerId: order.customerId }),
    );
    const lines = await ordersRepository.findLines(tx, actor.orgId, order.id);
    return lines
      .map((line) => ({
        line,
        priceFen: effectiveUnitPriceFen(line),
        floorFen: floorOf({ listPriceFen: line.listPriceFen, costPriceFen: line.unitCostFen }),
      }))
      .filter((x) => x.priceFen < x.floorFen)
      .map((x) => ({ ...toOrderLine(x.line), effectivePriceFen: x.priceFen, floorFen: x.floorFen }));
  };

  return {
    /** Draft → submitted, or → pending_approval with an approval request when a line is below the floor. */
    async submit(actor: Actor, id: string, body: OrderTransitionBody): Promise<Order> {
      await db.transaction(async (tx) => {
        const before = await lockOrder(tx, actor, id, { scope: 'write', version: body.version });
        assertStatus(before, ['draft']);
        const below = await belowFloor(tx, actor, before);
        let status: OrderStatus = 'submitted';
        let requestId: string | null = null;
        if (below.length > 0) {
          const result = await approvalEngine.submit(tx, actor, {
            businessType: 'price_below_authority',
            entityType: 'order',
            entityId: id,
            customerId: before.customerId,
            title: translate(actor.locale, 'order.approvalTitle.price', { orderNo: before.orderNo }),
            reason: translate(actor.locale, 'order.approvalReason.price', { count: below.length }),
            summary: {
              orderNo: before.orderNo,
              customerName: before.customerName,
              totalFen: before.totalFen,
              currency: before.currency,
              lines: below.map((l) => ({
                lineNo: l.lineNo,
                productName: l.productName,
                quantity: l.quantity,
                unitPriceFen: l.effectivePriceFen,
                floorFen: l.floorFen,
              })),
            },
          });
          requestId = result.requestId;
          if (result.status === 'pending') status = 'pending_approval';
        }
        await applyTransition(
          tx,
          auditContextOf(actor),
          before,
          { status, submittedAt: new Date() },
          {
            ...(below.length > 0
              ? {
                  belowFloor: below.map((l) => ({
                    lineNo: l.lineNo,
                    priceFen: l.effectivePriceFen,
                    floorFen: l.floorFen,
                  })),
                }
              : {}),
            ...(requestId ? { approvalRequestId: requestId } : {}),
          },
        );
      });
      return readOrder(db, actor, id);
    },

    /**
     * Submitted → confirmed (finance): credit check, stock reservation, `order.confirmed` and the
     * first-order flag (首单) in the same transaction, so a refusal anywhere leaves nothing behind.
     */
    async confirm(actor: Actor, id: string, body: ConfirmOrderBody): Promise<Order> {
      let decision: CreditDecision = {};
      await db.transaction(async (tx) => {
        const before = await lockOrder(tx, actor, id, { scope: 'read', version: body.version });
        assertStatus(before, ['submitted']);
        // A plan made while the lines were different would leave part of the total never due (or too much).
        const planSumFen = await ordersRepository.planSumFen(tx, actor.orgId, id);
        if (planSumFen !== null && planSumFen !== before.totalFen)
          throw new AppError('business_rule', 'error.order.planMismatch', {
            params: { plan: formatYuan(planSumFen), total: formatYuan(before.totalFen) },
          });
        const warehouseId = before.warehouseId ?? (await orderStock.defaultWarehouseId(tx, actor.orgId));
        if (warehouseId === null) throw new AppError('business_rule', 'error.order.noWarehouse');
        decision = await checkCredit(tx, actor, before, body.creditOverrideReason);
        const lines = await ordersRepository.findLines(tx, actor.orgId, id);
        await orderStock.reserveForOrder(tx, actor, {
          orgId: actor.orgId,
          orderId: id,
          orderNo: before.orderNo,
          warehouseId,
          lines: lines.map((l) => ({
            lineId: l.id,
            productId: l.productId,
            productName: l.productName,
            quantity: l.quantity,
          })),
        });
        // A credit-override request still waiting is moot once the order is confirmed: end it without an outcome.
        await approvalEngine.cancelPendingFor(
          tx,
          { orgId: actor.orgId, userId: actor.userId },
          { entityType: 'order', entityId: id, businessType: 'credit_override' },
        );
        const now = new Date();
        // The event first: the lifecycle rules (which keep their own order record) move the stage,
        // and whether this is a first order under care depends on the stage it moved into — so the
        // status change below carries the flag in its one write and one audit row.
        await events.publish(tx, {
          type: 'order.confirmed',
          orgId: actor.orgId,
          customerId: before.customerId,
          orderId: id,
          opportunityId: before.opportunityId,
          actorId: actor.userId,
          at: now,
        });
        const isFirstOrder = await isFirstOrderUnderCare(tx, { orgId: actor.orgId, id, customerId: before.customerId });
        await applyTransition(
          tx,
          auditContextOf(actor),
          before,
          {
            status: 'confirmed',
            warehouseId,
            confirmedAt: now,
            confirmedBy: actor.userId,
            ...(isFirstOrder ? { isFirstOrder } : {}),
            ...(decision.override
              ? { creditOverrideReason: decision.override.reason, creditOverrideBy: decision.override.by }
              : {}),
          },
          decision.warning ? { creditWarning: decision.warning } : undefined,
        );
      });
      const order = await readOrder(db, actor, id);
      return decision.warning ? { ...order, creditWarning: decision.warning } : order;
    },

    /**
     * Confirmed → shipped (the warehouse): the reserved issues become stock-outs; a first order's
     * delivery schedules its return visit.
     */
    async ship(actor: Actor, id: string, body: OrderTransitionBody): Promise<Order> {
      await db.transaction(async (tx) => {
        const before = await lockOrder(tx, actor, id, { scope: 'read', version: body.version });
        assertStatus(before, ['confirmed']);
        await orderStock.confirmIssuesForOrder(tx, actor, { orgId: actor.orgId, orderId: id });
        const shippedAt = new Date();
        await applyTransition(tx, auditContextOf(actor), before, { status: 'shipped', shippedAt });
        await scheduleFirstOrderReturnVisit(tx, auditContextOf(actor), { ...before, id, at: shippedAt });
      });
      return readOrder(db, actor, id);
    },

    async complete(actor: Actor, id: string, body: OrderTransitionBody): Promise<Order> {
      await db.transaction(async (tx) => {
        const before = await lockOrder(tx, actor, id, { scope: 'read', version: body.version });
        assertStatus(before, ['shipped']);
        const completedAt = new Date();
        await applyTransition(tx, auditContextOf(actor), before, { status: 'completed', completedAt });
        await events.publish(tx, {
          type: 'order.completed',
          orgId: actor.orgId,
          customerId: before.customerId,
          orderId: id,
          actorId: actor.userId,
          at: completedAt,
        });
      });
      return readOrder(db, actor, id);
    },

    /**
     * Cancels before shipping: a pending approval is withdrawn, reserved stock released, and a
     * confirmed order publishes `order.cancelled` (the lifecycle recalculates the stage).
     */
    async cancel(actor: Actor, id: string, body: OrderReasonBody): Promise<Order> {
      const reason = body.reason.trim();
      if (reason === '')
        throw new AppError('validation', 'error.validation', {
          fields: [{ field: 'reason', key: 'validation.required' }],
        });
      await db.transaction(async (tx) => {
        let before = await lockOrder(tx, actor, id, { scope: 'write', version: body.version });
        if (before.status === 'shipped' || before.status === 'completed')
          throw new AppError('business_rule', 'error.order.notCancellable');
        assertStatus(before, ['draft', 'pending_approval', 'submitted', 'confirmed']);
        if (before.status === 'confirmed' && !hasPermission(actor, 'orders.confirm'))
          throw new AppError('forbidden', 'error.order.cancelConfirmedNeedsFinance');
        // Withdrawing publishes approval.decided, whose handler may move the order: read it again after.
        if (await approvalEngine.withdrawPendingFor(tx, events, actor, { entityType: 'order', entityId: id }))
          before = await lockOrder(tx, actor, id, { scope: 'write' });
        // Money received stays on the order until its payments are voided (no paid cancelled orders).
        if (before.paidFen > 0)
          throw new AppError('business_rule', 'error.order.cancelHasPayments', {
            params: { paid: formatYuan(before.paidFen) },
          });
        const wasConfirmed = before.status === 'confirmed';
        await orderStock.releaseForOrder(tx, actor, { orgId: actor.orgId, orderId: id });
        const now = new Date();
        await applyTransition(tx, auditContextOf(actor), before, {
          status: 'cancelled',
          cancelledAt: now,
          cancelReason: reason,
        });
        if (wasConfirmed) {
          await events.publish(tx, {
            type: 'order.cancelled',
            orgId: actor.orgId,
            customerId: before.customerId,
            orderId: id,
            actorId: actor.userId,
            at: now,
          });
        }
      });
      return readOrder(db, actor, id);
    },

    /**
     * Asks for a credit override of a submitted order (any user who sees it); when approved the
     * reason and approver are stored and finance can confirm over the limit. A disabled flow passes
     * at once.
     */
    async requestCreditOverride(actor: Actor, id: string, body: OrderReasonBody): Promise<Order> {
      const reason = body.reason.trim();
      if (reason === '')
        throw new AppError('validation', 'error.validation', {
          fields: [{ field: 'reason', key: 'validation.required' }],
        });
      await db.transaction(async (tx) => {
        const before = await lockOrder(tx, actor, id, { scope: 'read', version: body.version });
        assertStatus(before, ['submitted']);
        const result = await approvalEngine.submit(tx, actor, {
          businessType: 'credit_override',
          entityType: 'order',
          entityId: id,
          customerId: before.customerId,
          title: translate(actor.locale, 'order.approvalTitle.credit', { orderNo: before.orderNo }),
          reason,
          summary: {
            orderNo: before.orderNo,
            customerName: before.customerName,
            totalFen: before.totalFen,
            currency: before.currency,
          },
        });
        if (result.status === 'approved') {
          await applyTransition(tx, auditContextOf(actor), before, {
            status: 'submitted',
            creditOverrideReason: reason,
            creditOverrideBy: actor.userId,
          });
        } else {
          await recordAudit(tx, actor, {
            action: 'credit_override_requested',
            entity: 'order',
            entityId: id,
            after: { reason, approvalRequestId: result.requestId },
          });
        }
      });
      return readOrder(db, actor, id);
    },
  };
}
