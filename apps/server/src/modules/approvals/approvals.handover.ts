import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { countRows } from '../../platform/db/row-reads.js';
import { approvalRequests } from '../../platform/db/schema/index.js';
import { createTodos, notifyUsers } from '../notifications/index.js';
import { APPROVAL_TODO_KIND, noticeParams, REQUEST_ENTITY } from './approvals.engine.js';
import { approvalsRepository } from './approvals.repository.js';

/** Pending requests whose current step waits for the user's decision (not yet given). */
const awaitingDecisionOf = (key: { orgId: string; userId: string }) =>
  and(
    eq(approvalRequests.orgId, key.orgId),
    eq(approvalRequests.status, 'pending'),
    sql`${key.userId}::uuid = any(${approvalRequests.currentApproverIds})`,
    sql`not exists (select 1 from approval_decisions d
      where d.org_id = ${approvalRequests.orgId} and d.request_id = ${approvalRequests.id}
        and d.step_index = ${approvalRequests.currentStep} and d.approver_id = ${key.userId}::uuid)`,
  );

const replaced = (ids: readonly string[], from: string, to: string) => [
  ...new Set(ids.map((id) => (id === from ? to : id))),
];

/**
 * A leaving approver's pending decisions (issue 13 hand-over): the colleague takes their place in
 * the current step (and its to-do); decisions already given stay. Audited per request.
 */
export const pendingApprovalsHandover = {
  count: (db: Executor, key: { orgId: string; userId: string }) =>
    countRows(db, approvalRequests, awaitingDecisionOf(key)),

  async find(db: Executor, key: { orgId: string; userId: string; limit?: number }) {
    const query = db
      .select({ id: approvalRequests.id, label: approvalRequests.title })
      .from(approvalRequests)
      .where(awaitingDecisionOf(key))
      .orderBy(asc(approvalRequests.id));
    return key.limit === undefined ? query : query.limit(key.limit);
  },

  /** Requests the user submitted that are still pending (they stay with their approvers). */
  countSubmittedPending: (db: Executor, key: { orgId: string; userId: string }) =>
    countRows(
      db,
      approvalRequests,
      and(
        eq(approvalRequests.orgId, key.orgId),
        eq(approvalRequests.submittedBy, key.userId),
        eq(approvalRequests.status, 'pending'),
      ),
    ),

  async moveTo(
    tx: Executor,
    actor: Actor,
    options: { ids: readonly string[]; fromUserId: string; toUserId: string; reason: string },
  ): Promise<number> {
    if (options.ids.length === 0) return 0;
    const { fromUserId, toUserId } = options;
    const requests = await tx
      .select()
      .from(approvalRequests)
      .where(
        and(
          awaitingDecisionOf({ orgId: actor.orgId, userId: fromUserId }),
          inArray(approvalRequests.id, [...options.ids]),
        ),
      )
      .orderBy(asc(approvalRequests.id))
      .for('update');
    for (const request of requests) {
      const steps = request.steps.map((step, index) =>
        index === request.currentStep && step.resolvedApproverIds
          ? { ...step, resolvedApproverIds: replaced(step.resolvedApproverIds, fromUserId, toUserId) }
          : step,
      );
      const approverIds = replaced(request.currentApproverIds, fromUserId, toUserId);
      await approvalsRepository.updateRequest(
        tx,
        { orgId: actor.orgId, id: request.id },
        { steps, currentApproverIds: approverIds },
      );
      await approvalsRepository.closeOwnTodo(tx, {
        orgId: actor.orgId,
        requestId: request.id,
        userId: fromUserId,
        kind: APPROVAL_TODO_KIND,
      });
      const params = { ...(await noticeParams(tx, request)), stepName: request.steps[request.currentStep]?.name ?? '' };
      const notice = { orgId: actor.orgId, userIds: [toUserId], entity: REQUEST_ENTITY, entityId: request.id, params };
      await createTodos(tx, {
        ...notice,
        kind: APPROVAL_TODO_KIND,
        dueAt: null,
        dedupeKey: `approval:${request.id}:${request.currentStep}`,
      });
      await notifyUsers(tx, {
        ...notice,
        kind: 'approval_requested',
        dedupeKey: `approval-requested:${request.id}:${request.currentStep}`,
      });
      await recordAudit(tx, actor, {
        action: 'assign',
        entity: 'approval_request',
        entityId: request.id,
        before: { currentApproverIds: request.currentApproverIds },
        after: { currentApproverIds: approverIds, reason: options.reason },
      });
    }
    return requests.length;
  },
};
