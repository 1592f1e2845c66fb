import type {
  MoveStageBody,
  StageRequestListQuery,
  StageTransitionRequest,
  StageTransitionRequestList,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { approvalEngine } from '../approvals/index.js';
import { approvalsRepository } from './approvals.repository.js';
import { toStageRequest } from './lifecycle.shapes.js';
import type { LifecycleSettings } from './settings.service.js';
import { REQUEST_ENTITY, applyStageMove } from './stage-moves.js';
import type { StageCustomer } from './transitions.repository.js';

/**
 * A manual move under an approval rule: the lifecycle keeps its record of from/to/reason in
 * `stage_transition_requests`, while who approves and the decisions go through the approvals
 * engine (business type `stage_transition`). Returns the applied transition's id when the engine
 * approved at once (flow disabled, or nobody to ask), else the pending request.
 */
export async function requestStageApproval(
  tx: Executor,
  actor: Actor,
  options: { customer: StageCustomer; body: MoveStageBody; reason: string; settings: LifecycleSettings },
): Promise<{ kind: 'moved'; transitionId: string } | { kind: 'pending'; request: StageTransitionRequest }> {
  const { customer, body, reason, settings } = options;
  if (await approvalsRepository.hasPending(tx, { orgId: actor.orgId, customerId: customer.id })) {
    throw new AppError('conflict', 'error.stageRequestPending');
  }
  const id = newId();
  await approvalsRepository.insert(tx, {
    orgId: actor.orgId,
    id,
    customerId: customer.id,
    fromStage: customer.stage,
    toStage: body.to,
    reason,
    requestedBy: actor.userId,
    approverIds: [],
  });
  const stageName = (code: string) => {
    const stage = settings.stages.find((s) => s.code === code);
    return stage ? (actor.locale === 'en' ? stage.nameEn : stage.nameZh) : code;
  };
  const submitted = await approvalEngine.submit(tx, actor, {
    businessType: 'stage_transition',
    entityType: REQUEST_ENTITY,
    entityId: id,
    customerId: customer.id,
    title: `${customer.name}: ${stageName(customer.stage)} → ${stageName(body.to)}`,
    reason,
    summary: { customerName: customer.name, from: customer.stage, to: body.to },
  });
  await recordAudit(tx, actor, {
    action: 'request',
    entity: REQUEST_ENTITY,
    entityId: id,
    after: {
      customerId: customer.id,
      from: customer.stage,
      to: body.to,
      reason,
      approvalRequestId: submitted.requestId,
    },
  });
  if (submitted.status === 'approved') {
    const transitionId = await applyStageMove(tx, {
      customer,
      to: body.to,
      at: new Date(),
      actorId: actor.userId,
      ruleId: null,
      reason,
      approverId: null,
      triggeringEvent: null,
      triggeringEntityId: null,
      requestId: id,
      audit: auditContextOf(actor),
    });
    await approvalsRepository.decide(
      tx,
      { orgId: actor.orgId, id },
      { status: 'approved', decidedBy: null, comment: null },
    );
    return { kind: 'moved', transitionId };
  }
  const view = await approvalEngine.latestFor(tx, actor.orgId, {
    entityType: REQUEST_ENTITY,
    entityId: id,
    businessType: 'stage_transition',
  });
  await approvalsRepository.setApprovers(tx, { orgId: actor.orgId, id }, view?.currentApprovers.map((a) => a.id) ?? []);
  return {
    kind: 'pending',
    request: toStageRequest((await approvalsRepository.getById(tx, { orgId: actor.orgId, id }))!),
  };
}

/** The lifecycle's record of stage-change requests, for their requesters and first approvers. */
export function createStageApprovalsService({ db }: { db: Db }) {
  return {
    async list(actor: Actor, query: StageRequestListQuery): Promise<StageTransitionRequestList> {
      const rows = await approvalsRepository.findForUser(db, {
        orgId: actor.orgId,
        userId: actor.userId,
        status: query.status,
      });
      return { items: rows.map(toStageRequest) };
    },
  };
}
