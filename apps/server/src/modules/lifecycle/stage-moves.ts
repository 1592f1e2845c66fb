import type { Stage } from '@guanxi/contract';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { approvalEngine } from '../approvals/index.js';
import { completeTodos } from '../notifications/index.js';
import { approvalsRepository } from './approvals.repository.js';
import { createStageEntryTasks } from './stage-strategies.js';
import { transitionsRepository, type StageCustomer } from './transitions.repository.js';

export const STUCK_KIND = 'customer_stuck';
export const REQUEST_ENTITY = 'stage_transition_request';

export interface StageMove {
  customer: StageCustomer;
  to: Stage;
  at: Date;
  /** The user who moved it; null when a rule did. */
  actorId: string | null;
  ruleId: string | null;
  reason: string | null;
  approverId: string | null;
  triggeringEvent: string | null;
  triggeringEntityId: string | null;
  requestId: string | null;
  audit: AuditContext;
}

/**
 * The one way a customer changes stage after creation: updates `customers.stage` and
 * `stage_entered_at`, appends the transition, cancels other pending requests, closes the
 * to-dos that belonged to the old stage, creates the new stage's default tasks for the owner
 * (stage strategy), and audits — all in the caller's transaction.
 */
export async function applyStageMove(tx: Executor, move: StageMove): Promise<string> {
  const { customer } = move;
  const key = { orgId: customer.orgId, id: customer.id };
  await transitionsRepository.updateStage(tx, key, move.to, move.at);
  const id = newId();
  await transitionsRepository.insertTransition(tx, {
    orgId: customer.orgId,
    id,
    customerId: customer.id,
    fromStage: customer.stage,
    toStage: move.to,
    at: move.at,
    actorId: move.actorId,
    ruleId: move.ruleId,
    reason: move.reason,
    approverId: move.approverId,
    triggeringEvent: move.triggeringEvent,
    triggeringEntityId: move.triggeringEntityId,
    requestId: move.requestId,
  });
  const cancelled = await approvalsRepository.cancelPending(tx, {
    orgId: customer.orgId,
    customerId: customer.id,
    exceptId: move.requestId,
  });
  for (const requestId of cancelled) {
    // Closes the engine's request and its approvers' to-dos; no event: this module is its owner.
    await approvalEngine.cancelPendingFor(
      tx,
      { orgId: customer.orgId, userId: move.audit.userId },
      { entityType: REQUEST_ENTITY, entityId: requestId },
    );
  }
  await completeTodos(tx, { orgId: customer.orgId, entity: 'customer', entityId: customer.id, kind: STUCK_KIND });
  await createStageEntryTasks(tx, {
    customerId: customer.id,
    ownerId: customer.ownerId,
    stage: move.to,
    at: move.at,
    audit: move.audit,
  });
  await recordAudit(tx, move.audit, {
    action: 'stage_change',
    entity: 'customer',
    entityId: customer.id,
    before: { stage: customer.stage, stageEnteredAt: customer.stageEnteredAt },
    after: {
      stage: move.to,
      stageEnteredAt: move.at,
      ruleId: move.ruleId,
      reason: move.reason,
      approverId: move.approverId,
    },
  });
  return id;
}
