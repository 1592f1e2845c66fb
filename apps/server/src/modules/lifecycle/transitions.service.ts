import type { MoveStageBody, StageTransition, StageTransitionList, StageTransitionRequest } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error.js';
import { createTodos, notifyUsers } from '../notifications/index.js';
import { approvalsRepository } from './approvals.repository.js';
import { needsApproval } from './lifecycle.rules.js';
import { toStageRequest, toStageTransition } from './lifecycle.shapes.js';
import { getLifecycleSettings } from './settings.service.js';
import { APPROVAL_TODO_KIND, REQUEST_ENTITY, applyStageMove } from './stage-moves.js';
import { transitionsRepository, type StageCustomer } from './transitions.repository.js';

export type MoveResult = { kind: 'moved'; transition: StageTransition } | { kind: 'pending'; request: StageTransitionRequest };

async function readTransition(executor: Executor, customer: StageCustomer, id: string): Promise<StageTransition> {
  const rows = await transitionsRepository.findByCustomer(executor, customer.orgId, customer.id);
  return toStageTransition(rows.find((r) => r.id === id)!);
}

/** Opens an approval request: the customer stays put, the approvers get a to-do and a notification. */
async function requestApproval(
  tx: Executor,
  actor: Actor,
  options: { customer: StageCustomer; body: MoveStageBody; reason: string; approverIds: string[] },
): Promise<StageTransitionRequest> {
  const { customer, body, reason, approverIds } = options;
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
    approverIds,
  });
  const params = { customerId: customer.id, customerName: customer.name, from: customer.stage, to: body.to, reason, requestedBy: actor.displayName };
  const target = { orgId: actor.orgId, userIds: approverIds, entity: REQUEST_ENTITY, entityId: id };
  await createTodos(tx, { ...target, kind: APPROVAL_TODO_KIND, dueAt: null, dedupeKey: `stage-approval:${id}`, params });
  await notifyUsers(tx, { ...target, kind: 'stage_approval_requested', params, dedupeKey: `stage-approval:${id}` });
  await recordAudit(tx, auditContextOf(actor), {
    action: 'request',
    entity: REQUEST_ENTITY,
    entityId: id,
    after: { customerId: customer.id, from: customer.stage, to: body.to, reason, approverIds },
  });
  return toStageRequest((await approvalsRepository.getById(tx, { orgId: actor.orgId, id }))!);
}

/** The transition log of a customer and manual moves (with approval where configured). */
export function createStageTransitionsService({ db }: { db: Db }) {
  return {
    async list(actor: Actor, customerId: string): Promise<StageTransitionList> {
      const customer = await transitionsRepository.getCustomer(db, actor, customerId);
      if (!customer) throw notFound('entity.customer');
      const rows = await transitionsRepository.findByCustomer(db, actor.orgId, customerId);
      return { items: rows.map(toStageTransition) };
    },

    /**
     * Moves a customer by hand; the reason is required. A (from, to) pair under an approval rule
     * becomes a pending request instead, unless the caller is one of its approvers.
     */
    async move(actor: Actor, customerId: string, body: MoveStageBody): Promise<MoveResult> {
      const reason = body.reason.trim();
      if (reason === '') throw invalidField('reason', 'validation.required');
      return db.transaction(async (tx) => {
        const customer = await transitionsRepository.lockCustomer(tx, { orgId: actor.orgId, id: customerId, scope: actor });
        if (!customer) throw notFound('entity.customer');
        if (customer.stage === body.to) throw new AppError('business_rule', 'error.sameStage');
        const settings = await getLifecycleSettings(tx, actor.orgId);
        if (!settings.stages.find((s) => s.code === body.to)?.active) throw new AppError('business_rule', 'error.stageInactive');
        let approverId: string | null = null;
        if (needsApproval(settings.approvalRules, customer.stage, body.to)) {
          const approverIds = await approvalsRepository.findApprovers(tx, { orgId: actor.orgId, ownerId: customer.ownerId });
          if (approverIds.includes(actor.userId) && actor.permissions.has('lifecycle.approve')) approverId = actor.userId;
          else if (approverIds.length === 0) throw new AppError('business_rule', 'error.noApprover');
          else return { kind: 'pending', request: await requestApproval(tx, actor, { customer, body, reason, approverIds }) };
        }
        const id = await applyStageMove(tx, {
          customer,
          to: body.to,
          at: new Date(),
          actorId: actor.userId,
          ruleId: null,
          reason,
          approverId,
          triggeringEvent: null,
          triggeringEntityId: null,
          requestId: null,
          audit: auditContextOf(actor),
        });
        return { kind: 'moved', transition: await readTransition(tx, customer, id) };
      });
    },
  };
}
