import type { Stage } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { DomainEvent } from '../../platform/events/index.js';
import type { ApprovalAdapter } from '../../platform/module-kit/module-definition.js';
import { approvalsRepository } from './approvals.repository.js';
import { REQUEST_ENTITY, applyStageMove } from './stage-moves.js';
import { transitionsRepository } from './transitions.repository.js';

/** Applies the engine's final decision on a stage-change request, in the decision's transaction. */
async function decideStageRequest(tx: Executor, event: DomainEvent<'approval.decided'>): Promise<void> {
  if (event.businessType !== 'stage_transition' || event.entityType !== REQUEST_ENTITY) return;
  const request = await approvalsRepository.lockById(tx, { orgId: event.orgId, id: event.entityId });
  // Already settled by the lifecycle itself (e.g. cancelled by another stage change).
  if (!request || request.status !== 'pending') return;
  const decision = { decidedBy: event.decidedBy, comment: event.comment };
  if (event.status === 'approved') {
    const customer = await transitionsRepository.lockCustomer(tx, { orgId: event.orgId, id: request.customerId });
    if (!customer) throw new AppError('not_found', 'error.notFound', { params: { entity: 'entity.customer' } });
    if (customer.stage !== request.fromStage) throw new AppError('conflict', 'error.stageChanged');
    await applyStageMove(tx, {
      customer,
      to: request.toStage as Stage,
      at: event.at,
      actorId: request.requestedBy,
      ruleId: null,
      reason: request.reason,
      approverId: event.decidedBy,
      triggeringEvent: null,
      triggeringEntityId: null,
      requestId: request.id,
      audit: { orgId: event.orgId, userId: event.actorId, ip: null, requestId: null },
    });
    await approvalsRepository.decide(tx, { orgId: event.orgId, id: request.id }, { status: 'approved', ...decision });
    return;
  }
  // The lifecycle's record knows "cancelled" for a request that no longer applies.
  const status = event.status === 'rejected' ? 'rejected' : 'cancelled';
  await approvalsRepository.decide(tx, { orgId: event.orgId, id: request.id }, { status, ...decision });
}

/** Manual stage moves under an approval rule (business type `stage_transition`, default: the direct manager). */
export const stageTransitionApprovals: ApprovalAdapter = {
  businessType: 'stage_transition',
  defaultStep: 'manager',
  decide: decideStageRequest,
};
