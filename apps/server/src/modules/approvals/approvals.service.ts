import type {
  ApprovalContext,
  BatchApproveBody,
  BatchApproveResult,
  ApprovalFlow,
  ApprovalFlowList,
  ApprovalListQuery,
  ApprovalRequestDetail,
  ApprovalRequestList,
  ApprovalBusinessType,
  UpdateApprovalFlowBody,
} from '@guanxi/contract';
import { approvalContextOf } from '../../platform/approvals/index.js';
import { hasPermission, type Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import type { ApprovalStepDefinition } from '../../platform/db/schema/approvals.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import type { EventBus } from '../../platform/events/index.js';
import { translate } from '../../platform/i18n/translate.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { effectiveFlow, effectiveFlows, flowOfRow, type EffectiveFlow } from './approvals.defaults.js';
import {
  activateStep,
  APPROVAL_TODO_KIND,
  finishRequest,
  REQUEST_ENTITY,
  withdrawRequest,
} from './approvals.engine.js';
import { approvalsRepository, type RequestRow } from './approvals.repository.js';
import { validateSteps } from './approvals.validation.js';
import { toListItem, toRequestDetail } from './approvals.view.js';

const FLOW_ENTITY = 'approval_flow';

function toFlow(flow: EffectiveFlow): ApprovalFlow {
  return {
    businessType: flow.businessType,
    name: flow.name,
    enabled: flow.enabled,
    steps: flow.steps.map(({ name, approverKind, levels, roleId, userIds, mode }) => ({
      name,
      approverKind,
      mode,
      ...(levels !== undefined ? { levels } : {}),
      ...(roleId !== undefined ? { roleId } : {}),
      ...(userIds !== undefined ? { userIds } : {}),
    })),
    isDefault: flow.id === null,
    version: flow.version,
    updatedAt: flow.updatedAt ? flow.updatedAt.toISOString() : null,
  };
}

/** Keeps only the fields that matter for the kind, so a stored flow never carries stale ones. */
function normalizeStep(step: UpdateApprovalFlowBody['steps'][number]): ApprovalStepDefinition {
  const base = { name: step.name.trim(), approverKind: step.approverKind, mode: step.mode };
  if (step.approverKind === 'manager') return { ...base, levels: step.levels ?? 1 };
  if (step.approverKind === 'role') return { ...base, roleId: step.roleId! };
  return { ...base, userIds: step.userIds ?? [] };
}

/** Flows settings, the approvals inbox and the decisions (approve / reject / withdraw). */
export function createApprovalsService({ db, events }: { db: Db; events: EventBus }) {
  const canManage = (actor: Actor) => hasPermission(actor, 'approvals.manage');

  /** Submitter, current approvers, past deciders and approvals administrators see a request; others get 404. */
  async function visible(tx: Executor, actor: Actor, request: RequestRow | null): Promise<RequestRow> {
    if (!request) throw notFound('entity.approvalRequest');
    if (
      canManage(actor) ||
      request.submittedBy === actor.userId ||
      request.currentApproverIds.includes(actor.userId) ||
      (await approvalsRepository.hasDecided(tx, { orgId: actor.orgId, requestId: request.id, userId: actor.userId }))
    ) {
      return request;
    }
    throw notFound('entity.approvalRequest');
  }

  async function decide(
    actor: Actor,
    id: string,
    decision: 'approved' | 'rejected',
    comment: string | null,
  ): Promise<ApprovalRequestDetail> {
    return db.transaction(async (tx) => {
      const request = await visible(tx, actor, await approvalsRepository.lockRequest(tx, { orgId: actor.orgId, id }));
      if (request.status !== 'pending') throw new AppError('conflict', 'error.approval.notPending');
      const step = request.currentStep;
      if (await alreadyDecidedStep(tx, actor, request)) throw new AppError('conflict', 'error.approval.alreadyDecided');
      if (!request.currentApproverIds.includes(actor.userId))
        throw new AppError('forbidden', 'error.approval.notYourStep');
      const inserted = await approvalsRepository.insertDecision(tx, {
        orgId: actor.orgId,
        id: newId(),
        requestId: request.id,
        stepIndex: step,
        approverId: actor.userId,
        decision,
        comment,
      });
      if (!inserted) throw new AppError('conflict', 'error.approval.alreadyDecided');

      let updated: RequestRow;
      if (decision === 'rejected') {
        updated = await approvalsRepository.updateRequest(
          tx,
          { orgId: actor.orgId, id },
          { status: 'rejected', currentApproverIds: [], decidedAt: new Date() },
        );
      } else {
        const remaining = request.currentApproverIds.filter((u) => u !== actor.userId);
        const stepDone = request.steps[step]?.mode !== 'all' || remaining.length === 0;
        if (stepDone) {
          updated = await activateStep(tx, request, step + 1);
        } else {
          // "all": this approver is done; the others still have to approve the step.
          await approvalsRepository.closeOwnTodo(tx, {
            orgId: actor.orgId,
            requestId: id,
            userId: actor.userId,
            kind: APPROVAL_TODO_KIND,
          });
          updated = await approvalsRepository.updateRequest(
            tx,
            { orgId: actor.orgId, id },
            { currentApproverIds: remaining },
          );
        }
      }
      await recordAudit(tx, actor, {
        action: decision === 'approved' ? 'approve' : 'reject',
        entity: REQUEST_ENTITY,
        entityId: id,
        before: { status: request.status, currentStep: step, currentApproverIds: request.currentApproverIds },
        after: {
          status: updated.status,
          currentStep: updated.currentStep,
          currentApproverIds: updated.currentApproverIds,
          comment,
        },
      });
      if (updated.status !== 'pending') {
        await finishRequest(tx, events, actor, updated, { status: updated.status as 'approved' | 'rejected', comment });
      }
      return toRequestDetail(tx, updated, actor);
    });
  }

  async function alreadyDecidedStep(tx: Executor, actor: Actor, request: RequestRow): Promise<boolean> {
    const decisions = await approvalsRepository.findDecisions(tx, { orgId: actor.orgId, requestId: request.id });
    return decisions.some((d) => d.stepIndex === request.currentStep && d.approverId === actor.userId);
  }

  return {
    async listFlows(actor: Actor): Promise<ApprovalFlowList> {
      return { items: (await effectiveFlows(db, actor.orgId, actor.locale)).map(toFlow) };
    },

    /** Saves the flow (creating the org's row on the first save); requests in progress keep their copy. */
    async updateFlow(
      actor: Actor,
      businessType: ApprovalBusinessType,
      body: UpdateApprovalFlowBody,
    ): Promise<ApprovalFlow> {
      return db.transaction(async (tx) => {
        await validateSteps(tx, actor.orgId, body.steps);
        const steps = body.steps.map(normalizeStep);
        const before = await effectiveFlow(tx, actor.orgId, businessType, actor.locale);
        if (before.version !== body.version) throw staleVersion();
        const values = { name: body.name.trim(), enabled: body.enabled, steps, updatedBy: actor.userId };
        const row = before.id
          ? await approvalsRepository.updateFlow(
              tx,
              { orgId: actor.orgId, id: before.id, version: body.version },
              values,
            )
          : await approvalsRepository.insertFlow(tx, { orgId: actor.orgId, id: newId(), businessType, ...values });
        if (!row) throw staleVersion();
        await recordAudit(tx, actor, {
          action: before.id ? 'update' : 'create',
          entity: FLOW_ENTITY,
          entityId: row.id,
          before: before.id ? { name: before.name, enabled: before.enabled, steps: before.steps } : null,
          after: { businessType, ...values },
        });
        return toFlow(flowOfRow(row));
      });
    },

    async list(actor: Actor, query: ApprovalListQuery): Promise<ApprovalRequestList> {
      const box = query.box ?? 'todo';
      if (box === 'all' && !canManage(actor)) throw new AppError('forbidden', 'error.approval.allBoxNeedsManage');
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'timestamp');
      const rows = await approvalsRepository.findPage(
        db,
        { orgId: actor.orgId, userId: actor.userId, box },
        { status: query.status, businessType: query.businessType },
        { after: cursor ? { value: String(cursor.value), id: cursor.id } : null, limit },
      );
      const page = keysetPage(
        rows.map((r) => ({ ...r, id: r.request.id })),
        { limit, sortValueOf: (r) => r.submittedAtText },
      );
      return {
        items: page.rows.map((r) =>
          toListItem(r.request, { customerName: r.customerName, submitterName: r.submitterName }, actor.locale),
        ),
        nextCursor: page.nextCursor,
      };
    },

    async get(actor: Actor, id: string): Promise<ApprovalRequestDetail> {
      const request = await visible(db, actor, await approvalsRepository.getRequest(db, { orgId: actor.orgId, id }));
      return toRequestDetail(db, request, actor);
    },

    /** The owning module's facts for the decision card; the same 404 as the request for anyone else. */
    async context(actor: Actor, id: string): Promise<ApprovalContext> {
      const request = await visible(db, actor, await approvalsRepository.getRequest(db, { orgId: actor.orgId, id }));
      const read = approvalContextOf(request.businessType as ApprovalBusinessType);
      if (!read) return { context: null };
      const context = await read(db, {
        orgId: actor.orgId,
        viewerId: actor.userId,
        locale: actor.locale,
        entityType: request.entityType,
        entityId: request.entityId,
        customerId: request.customerId,
      });
      return { context };
    },

    approve: (actor: Actor, id: string, comment: string | null) =>
      decide(actor, id, 'approved', comment?.trim() || null),

    /**
     * Approves each request in its own transaction, so one refusal (not the caller's step, already
     * decided, out of scope) leaves the others decided; every id gets its outcome (security A6).
     */
    async batchApprove(actor: Actor, body: BatchApproveBody): Promise<BatchApproveResult> {
      const comment = body.comment?.trim() || null;
      const results: BatchApproveResult['results'] = [];
      for (const id of body.requestIds) {
        try {
          const detail = await decide(actor, id, 'approved', comment);
          results.push({ id, outcome: 'approved', status: detail.status, error: null });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const message = translate(actor.locale, error.key, error.options.params);
          results.push({ id, outcome: 'failed', status: null, error: { code: error.code, message } });
        }
      }
      return { results };
    },
    /** A rejection must say why (the submitter has to learn it): a comment of blanks only is refused. */
    reject(actor: Actor, id: string, comment: string) {
      const reason = comment.trim();
      if (!reason) throw invalidField('comment', 'validation.required');
      return decide(actor, id, 'rejected', reason);
    },

    async withdraw(actor: Actor, id: string): Promise<ApprovalRequestDetail> {
      return db.transaction(async (tx) => {
        const request = await visible(tx, actor, await approvalsRepository.lockRequest(tx, { orgId: actor.orgId, id }));
        if (request.submittedBy !== actor.userId) throw new AppError('forbidden', 'error.approval.onlySubmitter');
        if (request.status !== 'pending') throw new AppError('conflict', 'error.approval.notPending');
        const updated = await withdrawRequest(tx, events, actor, request);
        return toRequestDetail(tx, updated, actor);
      });
    },
  };
}
