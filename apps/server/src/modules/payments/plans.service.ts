import {
  fenToYuan,
  type Installment,
  type InstallmentListQuery,
  type InstallmentPage,
  type InstallmentStatus,
  type PaymentPlan,
  type PutPaymentPlanBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { keysetPage } from '../../platform/pagination.js';
import { auditedPlan, organizationToday, planVersionOf, reallocateOrder } from './plan-allocation.js';
import { paymentsRepository, type PayableOrder } from './payments.repository.js';
import { decodeDateCursor } from './payments.service.js';
import { plansRepository, type InstallmentRow } from './plans.repository.js';

export const toInstallment = ({ version: _, ...row }: InstallmentRow): Installment => ({
  ...row,
  status: row.status as InstallmentStatus,
});

async function planOf(executor: Executor, orgId: string, order: PayableOrder): Promise<PaymentPlan> {
  const installments = await plansRepository.findForOrder(executor, { orgId, orderId: order.id });
  return {
    orderId: order.id,
    orderNo: order.orderNo,
    orderStatus: order.status,
    totalFen: order.totalFen,
    paidFen: order.paidFen,
    currency: order.currency,
    installments: installments.map(toInstallment),
    version: planVersionOf(installments),
  };
}

/** The installments must add up to the order total, each at least one fen (400 naming the field). */
function assertPlanAmounts(body: PutPaymentPlanBody, totalFen: number): void {
  body.installments.forEach((installment, index) => {
    if (installment.amountFen <= 0)
      throw invalidField(`installments.${index}.amountFen`, 'validation.payment.positive');
  });
  const sum = body.installments.reduce((total, i) => total + i.amountFen, 0);
  if (sum !== totalFen) {
    throw invalidField('installments', 'validation.payment.planSum', {
      total: fenToYuan(totalFen),
      difference: fenToYuan(Math.abs(sum - totalFen)),
    });
  }
}

/** Payment plans (回款计划): installments per order, their allocation and the cross-order list. */
export function createPlansService({ db }: { db: Db }) {
  return {
    async list(actor: Actor, query: InstallmentListQuery): Promise<InstallmentPage> {
      const limit = query.limit ?? 50;
      const { limit: _, cursor: rawCursor, ...filters } = query;
      const cursor = decodeDateCursor(rawCursor);
      const rows = await plansRepository.findPage(db, actor, { filters, cursor, limit: limit + 1 });
      const page = keysetPage(rows, { limit, sortValueOf: (row) => row.dueDate });
      return { items: page.rows.map(toInstallment), nextCursor: page.nextCursor };
    },

    async get(actor: Actor, orderId: string): Promise<PaymentPlan> {
      const order = await paymentsRepository.getOrder(db, actor, orderId);
      if (!order) throw notFound('entity.paymentOrder');
      return planOf(db, actor.orgId, order);
    },

    /**
     * Replaces the order's plan. Installments are rewritten in place by number (so payments naming
     * one stay linked), extra ones added or dropped, and every live payment is allocated again:
     * what was paid stays paid, spread over the new installments oldest first.
     */
    async replace(actor: Actor, orderId: string, body: PutPaymentPlanBody): Promise<PaymentPlan> {
      return db.transaction(async (tx) => {
        const order = await paymentsRepository.lockOrder(tx, actor, orderId, 'write');
        if (!order) throw notFound('entity.paymentOrder');
        if (order.status === 'cancelled') throw new AppError('business_rule', 'error.payment.orderCancelled');
        const existing = await plansRepository.findForOrder(tx, { orgId: actor.orgId, orderId });
        if (planVersionOf(existing) !== body.version) throw staleVersion();
        assertPlanAmounts(body, order.totalFen);
        const version = body.version + 1;
        // Numbered by due date, so installment 1 is the one that falls due first.
        const wanted = [...body.installments].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
        const inserts = [];
        for (const [index, input] of wanted.entries()) {
          const values = {
            dueDate: input.dueDate,
            amountFen: input.amountFen,
            notes: input.notes?.trim() || null,
            version,
          };
          const current = existing[index];
          if (current) await plansRepository.update(tx, { orgId: actor.orgId, id: current.id }, values);
          else
            inserts.push({
              ...values,
              orgId: actor.orgId,
              id: newId(),
              orderId,
              customerId: order.customerId,
              installmentNo: index + 1,
              createdBy: actor.userId,
            });
        }
        await plansRepository.insertMany(tx, inserts);
        const dropped = existing.slice(wanted.length).map((i) => i.id);
        await plansRepository.deleteMany(tx, { orgId: actor.orgId, orderId, ids: dropped });
        const today = await organizationToday(tx, actor.orgId);
        // Reset so the allocation below sees every installment as changed and stores paid and status.
        for (const installment of await plansRepository.findForOrder(tx, { orgId: actor.orgId, orderId }))
          await plansRepository.update(
            tx,
            { orgId: actor.orgId, id: installment.id },
            { paidFen: 0, status: 'pending' },
          );
        await reallocateOrder(tx, { orgId: actor.orgId, orderId, today });
        const plan = await planOf(tx, actor.orgId, order);
        await recordAudit(tx, actor, {
          action: existing.length === 0 ? 'create' : 'update',
          entity: 'payment_plan',
          entityId: orderId,
          before: { installments: auditedPlan(existing) },
          after: { installments: auditedPlan(await plansRepository.findForOrder(tx, { orgId: actor.orgId, orderId })) },
        });
        return plan;
      });
    },
  };
}
export type PlansService = ReturnType<typeof createPlansService>;
