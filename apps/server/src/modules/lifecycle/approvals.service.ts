import type { StageRequestListQuery, StageTransitionRequest, StageTransitionRequestList } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { completeTodos, notifyUsers } from '../notifications/index.js';
import { approvalsRepository, type RequestRow } from './approvals.repository.js';
import { toStageRequest } from './lifecycle.shapes.js';
import { APPROVAL_TODO_KIND, REQUEST_ENTITY, applyStageMove } from './stage-moves.js';
import { transitionsRepository } from './transitions.repository.js';
import type { Stage } from '@guanxi/contract';

/** Closes the approvers' to-dos and tells the requester, after either decision. */
async function announceDecision(tx: Executor, actor: Actor, request: RequestRow, decision: 'approved' | 'rejected', comment: string | null) {
  await completeTodos(tx, { orgId: actor.orgId, entity: REQUEST_ENTITY, entityId: request.id, kind: APPROVAL_TODO_KIND });
  await notifyUsers(tx, {
    orgId: actor.orgId,
    userIds: [request.requestedBy],
    kind: 'stage_approval_decided',
    params: {
      customerId: request.customerId,
      customerName: request.customerName,
      from: request.fromStage,
      to: request.toStage,
      decision,
      decidedBy: actor.displayName,
      comment,
    },
    entity: 'customer',
    entityId: request.customerId,
  });
  await recordAudit(tx, auditContextOf(actor), {
    action: decision === 'approved' ? 'approve' : 'reject',
    entity: REQUEST_ENTITY,
    entityId: request.id,
    before: { status: 'pending' },
    after: { status: decision, comment },
  });
}

/** Deciding stage-change requests. Only a request's approvers see it to decide; others get 404. */
export function createStageApprovalsService({ db }: { db: Db }) {
  async function lockOwnPending(tx: Executor, actor: Actor, id: string): Promise<RequestRow> {
    const request = await approvalsRepository.lockPendingForApprover(tx, { orgId: actor.orgId, id, userId: actor.userId });
    if (!request) throw notFound('entity.stageRequest');
    return request;
  }

  return {
    async list(actor: Actor, query: StageRequestListQuery): Promise<StageTransitionRequestList> {
      const rows = await approvalsRepository.findForUser(db, { orgId: actor.orgId, userId: actor.userId, status: query.status });
      return { items: rows.map(toStageRequest) };
    },

    /** Applies the requested move; the transition records the requester as actor and the approver. */
    async approve(actor: Actor, id: string, comment: string | null): Promise<StageTransitionRequest> {
      return db.transaction(async (tx) => {
        const request = await lockOwnPending(tx, actor, id);
        const customer = await transitionsRepository.lockCustomer(tx, { orgId: actor.orgId, id: request.customerId });
        if (!customer) throw notFound('entity.customer');
        if (customer.stage !== request.fromStage) throw new AppError('conflict', 'error.stageChanged');
        await applyStageMove(tx, {
          customer,
          to: request.toStage as Stage,
          at: new Date(),
          actorId: request.requestedBy,
          ruleId: null,
          reason: request.reason,
          approverId: actor.userId,
          triggeringEvent: null,
          triggeringEntityId: null,
          requestId: request.id,
          audit: auditContextOf(actor),
        });
        await approvalsRepository.decide(tx, { orgId: actor.orgId, id }, { status: 'approved', decidedBy: actor.userId, comment });
        await announceDecision(tx, actor, request, 'approved', comment);
        return toStageRequest((await approvalsRepository.getById(tx, { orgId: actor.orgId, id }))!);
      });
    },

    /** Declines the move; the customer stays where it is. */
    async reject(actor: Actor, id: string, comment: string): Promise<StageTransitionRequest> {
      return db.transaction(async (tx) => {
        const request = await lockOwnPending(tx, actor, id);
        await approvalsRepository.decide(tx, { orgId: actor.orgId, id }, { status: 'rejected', decidedBy: actor.userId, comment });
        await announceDecision(tx, actor, request, 'rejected', comment);
        return toStageRequest((await approvalsRepository.getById(tx, { orgId: actor.orgId, id }))!);
      });
    },
  };
}
