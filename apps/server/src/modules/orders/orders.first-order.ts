import type { AuditContext } from '../../platform/audit/audit.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { orgLocale } from '../../platform/i18n/org-locale.js';
import { translate } from '../../platform/i18n/translate.js';
import { firstOrderCareOf } from '../lifecycle/index.js';
import { createSystemTasks } from '../tasks/index.js';
import { firstOrderRepository } from './first-order.repository.js';

const DAY_MS = 86_400_000;

/**
 * First-order care (issue 13, seed 003: a first order's quality and delivery must not go wrong).
 * Runs after `order.confirmed` in the confirming transaction, so the customer's stage is the one
 * the confirmation moved it into: when the customer has no other confirmed order and that stage's
 * strategy has first-order care on, the order is flagged 首单.
 */
export async function flagFirstOrder(
  tx: Executor,
  audit: AuditContext,
  order: { id: string; customerId: string },
): Promise<boolean> {
  const key = { orgId: audit.orgId, customerId: order.customerId };
  if (await firstOrderRepository.hasOtherConfirmedOrder(tx, { ...key, exceptOrderId: order.id })) return false;
  const customer = await firstOrderRepository.findCustomer(tx, key);
  if (!customer) return false;
  if (!(await firstOrderCareOf(tx, { orgId: audit.orgId, stage: customer.stage })).care) return false;
  await firstOrderRepository.markFirstOrder(tx, { orgId: audit.orgId, id: order.id });
  await recordAudit(tx, audit, {
    action: 'update',
    entity: 'order',
    entityId: order.id,
    before: { isFirstOrder: false },
    after: { isFirstOrder: true },
  });
  return true;
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
