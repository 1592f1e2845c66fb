import type { Executor } from '../../platform/db/client.js';
import type { DomainEvent } from '../../platform/events/index.js';
import type { ApprovalAdapter } from '../../platform/module-kit/module-definition.js';
import { approvalEngine } from '../approvals/index.js';
import { creditApprovalContext, priceApprovalContext } from './orders.approval-context.js';
import { ordersRepository } from './orders.repository.js';
import { applyTransition } from './orders.transitions.js';

type Decision = DomainEvent<'approval.decided'>;

const lockDecidedOrder = (tx: Executor, event: Decision) =>
  ordersRepository.lockById(tx, { orgId: event.orgId, scope: 'system' }, event.entityId);

const auditOf = (event: Decision) => ({ orgId: event.orgId, userId: event.decidedBy, ip: null, requestId: null });

/**
 * A price approval ended (in the decider's transaction): approved → submitted, rejected or
 * withdrawn → draft. Default approver: the seller's direct manager.
 */
export const priceBelowAuthorityApprovals: ApprovalAdapter = {
  businessType: 'price_below_authority',
  defaultStep: 'manager',
  context: priceApprovalContext,
  async decide(tx, event) {
    if (event.entityType !== 'order') return;
    const order = await lockDecidedOrder(tx, event);
    if (!order || order.status !== 'pending_approval') return;
    const status = event.status === 'approved' ? 'submitted' : 'draft';
    await applyTransition(
      tx,
      auditOf(event),
      order,
      { status },
      { approvalRequestId: event.requestId, approval: event.status },
    );
  },
};

/**
 * An approved credit override stores its reason and the last approver on the order. Default
 * approver: the organization's finance role (finance owns credit).
 */
export const creditOverrideApprovals: ApprovalAdapter = {
  businessType: 'credit_override',
  defaultStep: 'finance',
  context: creditApprovalContext,
  async decide(tx, event) {
    if (event.entityType !== 'order' || event.status !== 'approved') return;
    const order = await lockDecidedOrder(tx, event);
    if (!order || order.status !== 'submitted') return;
    const request = await approvalEngine.latestFor(tx, event.orgId, {
      entityType: 'order',
      entityId: order.id,
      businessType: 'credit_override',
    });
    await applyTransition(tx, auditOf(event), order, {
      status: 'submitted',
      creditOverrideReason: request?.reason ?? event.comment ?? '',
      creditOverrideBy: event.decidedBy,
    });
  },
};
