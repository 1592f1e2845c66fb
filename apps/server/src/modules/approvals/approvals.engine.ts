import type { ApprovalBusinessType, ApprovalRequestDetail } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { EventBus } from '../../platform/events/index.js';
import { completeTodos, createTodos, notifyUsers } from '../notifications/index.js';
import { effectiveFlow } from './approvals.defaults.js';
import { approvalsRepository, type RequestRow } from './approvals.repository.js';
import { approvalTitleMessage } from './approvals.titles.js';
import { toRequestDetail } from './approvals.view.js';
import { resolveApprovers } from './approvers.js';

/** What a module asks to have approved (see the issue 5 engine API). */
export interface ApprovalSubmission {
  businessType: ApprovalBusinessType;
  /** 'order' | 'expense' | 'stage_transition_request' | … */
  entityType: string;
  entityId: string;
  customerId: string | null;
  /** e.g. "订单 DD000012 低于价格权限" */
  title: string;
  reason: string | null;
  /** Display facts (amounts in fen, names); never applied blindly. */
  summary: Record<string, unknown>;
}
/** A request as detail pages show it: id, status, businessType, currentStep, steps, decisions … */
export type ApprovalRequestView = ApprovalRequestDetail;
export interface ApprovalEntityKey {
  entityType: string;
  entityId: string;
  businessType?: ApprovalBusinessType;
}

export const REQUEST_ENTITY = 'approval_request';
/** To-do kind of an approver's pending decision; the to-do inbox lists them by this kind. */
export const APPROVAL_TODO_KIND = 'approval';

/** The non-HTTP parts of whoever acts: a user (approver, submitter) with audit context. */
type Doer = Pick<Actor, 'orgId' | 'userId' | 'displayName' | 'ip' | 'requestId'>;

/**
 * What a request's notices and to-dos carry: `title` as the submitter wrote it, and `titleMessage`
 * (key + parameters) from which the notification centre renders it in each reader's language.
 */
export const noticeParams = async (tx: Executor, request: RequestRow) => {
  const names = await approvalsRepository.userNames(tx, { orgId: request.orgId, ids: [request.submittedBy] });
  const titleMessage = approvalTitleMessage({
    businessType: request.businessType,
    summary: request.summary,
    submitterName: names.get(request.submittedBy) ?? '',
  });
  return {
    requestId: request.id,
    title: request.title,
    ...(titleMessage ? { titleMessage } : {}),
    businessType: request.businessType,
    entityType: request.entityType,
    entityId: request.entityId,
    customerId: request.customerId,
  };
};

/**
 * Makes step `from` (or the first later step with someone to ask) current: resolves its approvers,
 * stores them, gives them a to-do and a notification. Steps with nobody to ask pass automatically
 * (marked in the request's copy of the steps). Past the last step the request is approved.
 */
export async function activateStep(tx: Executor, request: RequestRow, from: number): Promise<RequestRow> {
  // The previous step's to-dos are done, whoever still held one ("any": the others need not act).
  await completeTodos(tx, {
    orgId: request.orgId,
    entity: REQUEST_ENTITY,
    entityId: request.id,
    kind: APPROVAL_TODO_KIND,
  });
  const steps = request.steps.map((s) => ({ ...s }));
  for (let index = from; index < steps.length; index++) {
    const step = steps[index]!;
    const approvers = await resolveApprovers(tx, { orgId: request.orgId, submitterId: request.submittedBy }, step);
    step.resolvedApproverIds = approvers;
    if (approvers.length === 0) {
      step.autoPassed = true;
      continue;
    }
    const updated = await approvalsRepository.updateRequest(
      tx,
      { orgId: request.orgId, id: request.id },
      { steps, currentStep: index, currentApproverIds: approvers },
    );
    const params = { ...(await noticeParams(tx, request)), stepName: step.name };
    await createTodos(tx, {
      orgId: request.orgId,
      userIds: approvers,
      kind: APPROVAL_TODO_KIND,
      entity: REQUEST_ENTITY,
      entityId: request.id,
      dueAt: null,
      dedupeKey: `approval:${request.id}:${index}`,
      params,
    });
    await notifyUsers(tx, {
      orgId: request.orgId,
      userIds: approvers,
      kind: 'approval_requested',
      params,
      entity: REQUEST_ENTITY,
      entityId: request.id,
      dedupeKey: `approval-requested:${request.id}:${index}`,
    });
    return updated;
  }
  return approvalsRepository.updateRequest(
    tx,
    { orgId: request.orgId, id: request.id },
    { steps, currentStep: steps.length, currentApproverIds: [], status: 'approved', decidedAt: new Date() },
  );
}

/**
 * Ends a request (approved after its last step, rejected, or withdrawn): closes the approvers'
 * to-dos, tells the submitter (unless they ended it themselves) and publishes `approval.decided`
 * in the same transaction, so the owning module applies or reverts the change with it.
 */
export async function finishRequest(
  tx: Executor,
  events: EventBus,
  doer: Doer,
  request: RequestRow,
  outcome: { status: 'approved' | 'rejected' | 'withdrawn'; comment: string | null },
): Promise<void> {
  await completeTodos(tx, {
    orgId: request.orgId,
    entity: REQUEST_ENTITY,
    entityId: request.id,
    kind: APPROVAL_TODO_KIND,
  });
  if (doer.userId !== request.submittedBy) {
    await notifyUsers(tx, {
      orgId: request.orgId,
      userIds: [request.submittedBy],
      kind: 'approval_decided',
      params: {
        ...(await noticeParams(tx, request)),
        status: outcome.status,
        decidedBy: doer.displayName,
        comment: outcome.comment,
      },
      entity: REQUEST_ENTITY,
      entityId: request.id,
    });
  }
  await events.publish(tx, {
    type: 'approval.decided',
    orgId: request.orgId,
    customerId: request.customerId,
    actorId: doer.userId,
    at: new Date(),
    requestId: request.id,
    businessType: request.businessType as ApprovalBusinessType,
    entityType: request.entityType,
    entityId: request.entityId,
    status: outcome.status,
    decidedBy: doer.userId,
    comment: outcome.comment,
  });
}

/** Withdraws a pending request (already locked) as `doer`; the caller checked who may. */
export async function withdrawRequest(
  tx: Executor,
  events: EventBus,
  doer: Doer,
  request: RequestRow,
): Promise<RequestRow> {
  const updated = await approvalsRepository.updateRequest(
    tx,
    { orgId: request.orgId, id: request.id },
    { status: 'withdrawn', currentApproverIds: [], decidedAt: new Date() },
  );
  await recordAudit(tx, auditContextOf(doer), {
    action: 'withdraw',
    entity: REQUEST_ENTITY,
    entityId: request.id,
    before: { status: request.status, currentStep: request.currentStep },
    after: { status: 'withdrawn' },
  });
  await finishRequest(tx, events, doer, updated, { status: 'withdrawn', comment: null });
  return updated;
}

/** The engine other modules (orders, expenses, lifecycle) call inside their own transactions. */
export const approvalEngine = {
  /**
   * Copies the org's flow steps (or the built-in default) into a new pending request, resolves the
   * first step's approvers and gives them a to-do and a notification, audits. A disabled flow answers
   * `approved` with no request; so does a request whose every step passed automatically (stored as
   * approved). Never publishes `approval.decided`: for `approved` the caller applies the change itself.
   */
  async submit(
    tx: Executor,
    actor: Actor,
    submission: ApprovalSubmission,
  ): Promise<{ requestId: string | null; status: 'pending' | 'approved' }> {
    const key = {
      orgId: actor.orgId,
      entityType: submission.entityType,
      entityId: submission.entityId,
      businessType: submission.businessType,
    };
    if (await approvalsRepository.hasPending(tx, key)) throw new AppError('conflict', 'error.approval.alreadyPending');
    const flow = await effectiveFlow(tx, actor.orgId, submission.businessType, actor.locale);
    if (!flow.enabled) return { requestId: null, status: 'approved' };
    const inserted = await approvalsRepository.insertRequest(tx, {
      orgId: actor.orgId,
      id: newId(),
      flowId: flow.id,
      businessType: submission.businessType,
      entityType: submission.entityType,
      entityId: submission.entityId,
      customerId: submission.customerId,
      title: submission.title,
      reason: submission.reason,
      summary: submission.summary,
      steps: flow.steps.map((s) => ({ ...s })),
      submittedBy: actor.userId,
    });
    // The partial unique index answers a concurrent submission for the same entity.
    if (!inserted) throw new AppError('conflict', 'error.approval.alreadyPending');
    const request = await activateStep(tx, inserted, 0);
    await recordAudit(tx, actor, {
      action: 'create',
      entity: REQUEST_ENTITY,
      entityId: request.id,
      after: {
        businessType: request.businessType,
        entityType: request.entityType,
        entityId: request.entityId,
        title: request.title,
        status: request.status,
        steps: request.steps,
      },
    });
    return { requestId: request.id, status: request.status === 'approved' ? 'approved' : 'pending' };
  },

  /** Withdraws the entity's pending request(s) as `actor` (e.g. the order was cancelled); true when one was. */
  async withdrawPendingFor(tx: Executor, events: EventBus, actor: Actor, key: ApprovalEntityKey): Promise<boolean> {
    const pending = await approvalsRepository.lockPendingFor(tx, { orgId: actor.orgId, ...key });
    for (const request of pending) await withdrawRequest(tx, events, actor, request);
    return pending.length > 0;
  },

  /**
   * Ends the entity's pending request(s) as withdrawn WITHOUT publishing `approval.decided`: for the
   * owning module that itself made the request moot (e.g. the customer changed stage meanwhile)
   * and already handles the consequence; `userId` is null for automatic changes. True when one was.
   */
  async cancelPendingFor(
    tx: Executor,
    by: { orgId: string; userId: string | null },
    key: ApprovalEntityKey,
  ): Promise<boolean> {
    const pending = await approvalsRepository.lockPendingFor(tx, { orgId: by.orgId, ...key });
    for (const request of pending) {
      await approvalsRepository.updateRequest(
        tx,
        { orgId: by.orgId, id: request.id },
        { status: 'withdrawn', currentApproverIds: [], decidedAt: new Date() },
      );
      await completeTodos(tx, {
        orgId: by.orgId,
        entity: REQUEST_ENTITY,
        entityId: request.id,
        kind: APPROVAL_TODO_KIND,
      });
      await recordAudit(
        tx,
        { orgId: by.orgId, userId: by.userId, ip: null, requestId: null },
        {
          action: 'cancel',
          entity: REQUEST_ENTITY,
          entityId: request.id,
          before: { status: request.status, currentStep: request.currentStep },
          after: { status: 'withdrawn' },
        },
      );
    }
    return pending.length > 0;
  },

  /**
   * The latest request's id and status per business type on one entity (one query, no details),
   * in the order of `businessTypes`; types never requested are left out.
   */
  async latestStatusesFor<T extends ApprovalBusinessType>(
    db: Executor,
    orgId: string,
    key: { entityType: string; entityId: string; businessTypes: readonly T[] },
  ): Promise<{ requestId: string; businessType: T; status: ApprovalRequestView['status'] }[]> {
    const rows = await approvalsRepository.latestStatuses(db, { orgId, ...key });
    return key.businessTypes.flatMap((businessType) => {
      const row = rows.find((r) => r.businessType === businessType);
      return row ? [{ requestId: row.id, businessType, status: row.status as ApprovalRequestView['status'] }] : [];
    });
  },

  /** The entity's latest request (any status) for detail pages; null when none. */
  async latestFor(db: Executor, orgId: string, key: ApprovalEntityKey): Promise<ApprovalRequestView | null> {
    const row = await approvalsRepository.latestFor(db, { orgId, ...key });
    return row ? toRequestDetail(db, row, null) : null;
  },
};
