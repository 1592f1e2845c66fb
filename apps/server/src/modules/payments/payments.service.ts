import {
  type CreatePaymentBody,
  fenToYuan,
  type Payment,
  type PaymentListQuery,
  type PaymentMethod,
  type PaymentPage,
  type VoidPaymentBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage, type Cursor } from '../../platform/pagination.js';
import { auditedPlan, organizationToday, reallocateOrder } from './plan-allocation.js';
import { paymentsRepository, type PaymentRow } from './payments.repository.js';
import { plansRepository } from './plans.repository.js';

/** Orders that owe money: a payment before confirmation (or after cancelling) is refused. */
export const PAYABLE_ORDER_STATUSES: readonly string[] = ['confirmed', 'shipped', 'completed'];

export const toPayment = (row: PaymentRow): Payment => ({
  ...row,
  method: row.method as PaymentMethod,
  createdAt: row.createdAt.toISOString(),
  voidedAt: row.voidedAt?.toISOString() ?? null,
});

/** A date cursor: client input, so a malformed one is a 400 rather than a database error. */
export function decodeDateCursor(raw: string | undefined): Cursor | null {
  return decodeCursor(raw, 'date');
}

const trimmedOrNull = (text: string | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

export interface InsertPaymentOptions {
  /**
   * False for an import, whose own audit entry counts the payments it created; the order's paid
   * amount and the plan move all the same.
   */
  audited?: boolean;
  /** The payment's id in the old system (an import finds it again by this). */
  externalId?: string | null;
}

/**
 * Records a payment in the caller's transaction: the payment, the order's paid amount (guarded
 * against passing the total), the plan's allocation and statuses, and the audit. The order must be
 * in the actor's write scope (404) and payable (422); the amount positive and at most the unpaid
 * amount; the date not in the future (400 naming the field). Returns the payment's id.
 */
export async function insertPayment(
  tx: Executor,
  actor: Actor,
  body: CreatePaymentBody,
  options: InsertPaymentOptions = {},
): Promise<string> {
  if (body.amountFen <= 0) throw invalidField('amountFen', 'validation.payment.positive');
  const id = newId();
  const today = await organizationToday(tx, actor.orgId);
  if (body.receivedOn > today) throw invalidField('receivedOn', 'validation.notInFuture');
  const order = await paymentsRepository.lockOrder(tx, actor, body.orderId, 'write');
  if (!order) throw notFound('entity.paymentOrder');
  if (!PAYABLE_ORDER_STATUSES.includes(order.status))
    throw new AppError('business_rule', 'error.payment.orderNotPayable');
  const planId = body.planId ?? null;
  if (planId !== null) {
    const installments = await plansRepository.findForOrder(tx, { orgId: actor.orgId, orderId: order.id });
    if (!installments.some((i) => i.id === planId)) throw invalidField('planId', 'validation.payment.planOfOrder');
  }
  const unpaid = order.totalFen - order.paidFen;
  const overpaid = () =>
    new AppError('business_rule', 'error.payment.overpaid', {
      params: { unpaid: fenToYuan(Math.max(unpaid, 0)) },
    });
  if (body.amountFen > unpaid) throw overpaid();
  if (!(await paymentsRepository.addPaid(tx, { orgId: actor.orgId, orderId: order.id }, body.amountFen)))
    throw overpaid();
  const values = {
    orgId: actor.orgId,
    id,
    orderId: order.id,
    customerId: order.customerId,
    planId,
    amountFen: body.amountFen,
    currency: order.currency,
    method: body.method,
    receivedOn: body.receivedOn,
    reference: trimmedOrNull(body.reference),
    notes: trimmedOrNull(body.notes),
    recordedBy: actor.userId,
    externalId: options.externalId ?? null,
  };
  await paymentsRepository.insert(tx, values);
  const plan = await reallocateOrder(tx, { orgId: actor.orgId, orderId: order.id, today });
  if (options.audited !== false)
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'payment',
      entityId: id,
      before: { orderPaidFen: order.paidFen, plan: auditedPlan(plan.before) },
      after: { ...values, orderPaidFen: order.paidFen + body.amountFen, plan: auditedPlan(plan.after) },
    });
  return id;
}

/** Payments received (回款) against orders; scope follows the customer. */
export function createPaymentsService({ db }: { db: Db }) {
  const readBack = async (actor: Actor, id: string): Promise<Payment> => {
    const row = await paymentsRepository.getById(db, actor, id);
    if (!row) throw notFound('entity.payment');
    return toPayment(row);
  };

  return {
    async list(actor: Actor, query: PaymentListQuery): Promise<PaymentPage> {
      const limit = query.limit ?? 50;
      const { limit: _, cursor: rawCursor, ...filters } = query;
      const cursor = decodeDateCursor(rawCursor);
      const rows = await paymentsRepository.findPage(db, actor, { filters, cursor, limit: limit + 1 });
      const page = keysetPage(rows, { limit, sortValueOf: (row) => row.receivedOn });
      return { items: page.rows.map(toPayment), nextCursor: page.nextCursor };
    },

    get: readBack,

    /**
     * Records a payment in one transaction: the payment, the order's paid amount (guarded against
     * passing the total), the plan's allocation and statuses, and the audit.
     */
    async create(actor: Actor, body: CreatePaymentBody): Promise<Payment> {
      const id = await db.transaction((tx) => insertPayment(tx, actor, body));
      return readBack(actor, id);
    },

    /** Voids a payment: it stops counting on the order and the plan, and stays for the record. */
    async void(actor: Actor, id: string, body: VoidPaymentBody): Promise<Payment> {
      const reason = body.reason.trim();
      if (reason === '') throw invalidField('reason', 'validation.required');
      await db.transaction(async (tx) => {
        const payment = await paymentsRepository.lockById(tx, actor, id);
        if (!payment) throw notFound('entity.payment');
        if (payment.voidedAt !== null) throw new AppError('conflict', 'error.payment.alreadyVoided');
        // Locks the order too: payments and plan changes of one order take their turn on it.
        const order = await paymentsRepository.lockOrder(tx, actor, payment.orderId, 'read');
        if (!order) throw notFound('entity.payment');
        if (
          !(await paymentsRepository.markVoided(
            tx,
            { orgId: actor.orgId, id },
            { voidedBy: actor.userId, voidReason: reason },
          ))
        )
          throw new AppError('conflict', 'error.payment.alreadyVoided');
        await paymentsRepository.subtractPaid(tx, { orgId: actor.orgId, orderId: order.id }, payment.amountFen);
        const today = await organizationToday(tx, actor.orgId);
        const plan = await reallocateOrder(tx, { orgId: actor.orgId, orderId: order.id, today });
        await recordAudit(tx, actor, {
          action: 'void',
          entity: 'payment',
          entityId: id,
          before: { voidedAt: null, orderPaidFen: order.paidFen, plan: auditedPlan(plan.before) },
          after: {
            voidReason: reason,
            voidedBy: actor.userId,
            orderPaidFen: order.paidFen - payment.amountFen,
            plan: auditedPlan(plan.after),
          },
        });
      });
      return readBack(actor, id);
    },
  };
}
export type PaymentsService = ReturnType<typeof createPaymentsService>;
