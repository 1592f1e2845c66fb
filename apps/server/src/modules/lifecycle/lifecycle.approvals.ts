import type { ApprovalContextFacts, Stage } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { recentFollowUps } from '../../platform/approvals/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { DomainEvent } from '../../platform/events/index.js';
import type { ApprovalAdapter, ApprovalContextRequest } from '../../platform/module-kit/module-definition.js';
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

/** How much history a stage-move card shows: enough to see a pattern, short enough to read at a glance. */
const RECENT = 5;

/** A stage move's card: from → to with the reason, the customer's stage now, its last moves and follow-ups. */
async function stageRequestContext(
  db: Executor,
  request: ApprovalContextRequest,
): Promise<ApprovalContextFacts | null> {
  if (request.entityType !== REQUEST_ENTITY) return null;
  const row = await approvalsRepository.getById(db, { orgId: request.orgId, id: request.entityId });
  if (!row) return null;
  const key = { orgId: request.orgId, customerId: row.customerId };
  const moves = await transitionsRepository.findByCustomer(db, key.orgId, key.customerId);
  return {
    kind: 'stage',
    from: row.fromStage as Stage,
    to: row.toStage as Stage,
    currentStage: await transitionsRepository.getStage(db, { orgId: key.orgId, id: key.customerId }),
    reason: row.reason,
    recentMoves: moves
      .slice(-RECENT)
      .reverse()
      .map((m) => ({
        at: m.at.toISOString(),
        from: (m.fromStage as Stage | null) ?? null,
        to: m.toStage as Stage,
        byName: m.actorName,
        reason: m.reason,
      })),
    recentFollowUps: await recentFollowUps(db, { ...key, locale: request.locale, limit: RECENT }),
  };
}

/** Manual stage moves under an approval rule (business type `stage_transition`, default: the direct manager). */
export const stageTransitionApprovals: ApprovalAdapter = {
  businessType: 'stage_transition',
  defaultStep: 'manager',
  decide: decideStageRequest,
  context: stageRequestContext,
};
