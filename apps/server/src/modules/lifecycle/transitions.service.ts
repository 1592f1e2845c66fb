import type { MoveStageBody, StageTransition, StageTransitionList, StageTransitionRequest } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditContextOf } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error.js';
import { approvalsRepository } from './approvals.repository.js';
import { needsApproval } from './lifecycle.rules.js';
import { toStageTransition } from './lifecycle.shapes.js';
import { requestStageApproval } from './approvals.service.js';
import { getLifecycleSettings } from './settings.service.js';
import { applyStageMove } from './stage-moves.js';
import { transitionsRepository, type StageCustomer } from './transitions.repository.js';

export type MoveResult =
  { kind: 'moved'; transition: StageTransition } | { kind: 'pending'; request: StageTransitionRequest };

async function readTransition(executor: Executor, customer: StageCustomer, id: string): Promise<StageTransition> {
  const rows = await transitionsRepository.findByCustomer(executor, customer.orgId, customer.id);
  return toStageTransition(rows.find((r) => r.id === id)!);
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
        const customer = await transitionsRepository.lockCustomer(tx, {
          orgId: actor.orgId,
          id: customerId,
          scope: actor,
        });
        if (!customer) throw notFound('entity.customer');
        if (customer.stage === body.to) throw new AppError('business_rule', 'error.sameStage');
        const settings = await getLifecycleSettings(tx, actor.orgId);
        if (!settings.stages.find((s) => s.code === body.to)?.active)
          throw new AppError('business_rule', 'error.stageInactive');
        let approverId: string | null = null;
        if (needsApproval(settings.approvalRules, customer.stage, body.to)) {
          // The owner's manager (or a lifecycle administrator for an owner without one) moves at
          // once as the approver; everyone else asks through the approvals engine.
          const directApprovers = await approvalsRepository.findApprovers(tx, {
            orgId: actor.orgId,
            ownerId: customer.ownerId,
          });
          if (directApprovers.includes(actor.userId) && actor.permissions.has('lifecycle.approve'))
            approverId = actor.userId;
          else {
            const result = await requestStageApproval(tx, actor, { customer, body, reason, settings });
            if (result.kind === 'pending') return result;
            return { kind: 'moved', transition: await readTransition(tx, customer, result.transitionId) };
          }
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
