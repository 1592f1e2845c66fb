import type { AuditContext } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { orgLocale } from '../../platform/i18n/org-locale.js';
import { translate } from '../../platform/i18n/translate.js';
import { firstOrderCareOf } from '../lifecycle/index.js';
import { createSystemTasks } from '../tasks/index.js';
import { firstOrderRepository } from './first-order.repository.js';

const DAY_MS = 86_400_000;

/**
 * First-order care (issue 13, seed 003: a first order's quality and delivery must not go wrong).
 * Asked after `order.confirmed` was published in the confirming transaction, so the customer's
 * stage is the one the confirmation moved it into: a first order when the customer has no other
 * confirmed order and that stage's strategy has first-order care on.
 */
export async function isFirstOrderUnderCare(
  tx: Executor,
  order: { orgId: string; id: string; customerId: string },
): Promise<boolean> {
  const key = { orgId: order.orgId, customerId: order.customerId };
  if (await firstOrderRepository.hasOtherConfirmedOrder(tx, { ...key, exceptOrderId: order.id })) return false;
  const customer = await firstOrderRepository.findCustomer(tx, key);
  if (!customer) return false;
  return (await firstOrderCareOf(tx, { orgId: order.orgId, stage: customer.stage })).care;
}

/**
 * A delivered first order (the warehouse confirmed its stock-out): a return visit (回访) for the
 * customer's owner, due the stage strategy's N days later, in the shipping transaction.
 */
export async function scheduleFirstOrderReturnVisit(
  tx: Executor,
  audit: AuditContext,
  order: { id: string; orderNo: string; customerId: string; ownerId: string; isFirstOrder: boolean; at: Date },
): Promise<void> {
  if (!order.isFirstOrder) return;
  const customer = await firstOrderRepository.findCustomer(tx, { orgId: audit.orgId, customerId: order.customerId });
  if (!customer) return;
  const { returnVisitDays } = await firstOrderCareOf(tx, { orgId: audit.orgId, stage: customer.stage });
  const locale = await orgLocale(tx, audit.orgId);
  await createSystemTasks(tx, audit, [
    {
      title: translate(locale, 'order.returnVisit.title', { orderNo: order.orderNo }),
      description: translate(locale, 'order.returnVisit.description', { days: returnVisitDays }),
      dueAt: new Date(order.at.getTime() + returnVisitDays * DAY_MS),
      assigneeId: customer.ownerId ?? order.ownerId,
      relatedType: 'customer',
      relatedId: order.customerId,
    },
  ]);
}
