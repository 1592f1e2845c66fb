import type {
  ApprovalBusinessType,
  ApprovalRequestDetail,
  ApprovalRequestListItem,
  ApprovalStatus,
  Locale,
} from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { approvalsRepository, type RequestRow } from './approvals.repository.js';
import { iso } from '../../platform/db/row-values.js';
import { approvalTitle } from './approvals.titles.js';

/** Who looks at a request: decides what they may do now (null = a module reading it, no actions). */
export interface Viewer {
  userId: string;
  /** The reader's language: the title is shown in it (without one, as stored). */
  locale?: Locale;
}

const ref = (names: Map<string, string>, id: string) => ({ id, displayName: names.get(id) ?? '' });

export function currentStepName(request: RequestRow): string | null {
  return request.status === 'pending' ? (request.steps[request.currentStep]?.name ?? null) : null;
}

export function toListItem(
  row: RequestRow,
  names: { customerName: string | null; submitterName: string },
  locale?: Locale,
): ApprovalRequestListItem {
  const title = locale
    ? approvalTitle({
        locale,
        businessType: row.businessType,
        storedTitle: row.title,
        summary: row.summary,
        submitterName: names.submitterName,
      })
    : row.title;
  return {
    id: row.id,
    businessType: row.businessType as ApprovalBusinessType,
    entityType: row.entityType,
    entityId: row.entityId,
    customerId: row.customerId,
    customerName: names.customerName,
    title,
    reason: row.reason,
    status: row.status as ApprovalStatus,
    currentStep: row.currentStep,
    currentStepName: currentStepName(row),
    submitter: { id: row.submittedBy, displayName: names.submitterName },
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: iso(row.decidedAt),
  };
}

/** The full request: steps with their approvers, every decision, and what the viewer may do. */
export async function toRequestDetail(
  db: Executor,
  row: RequestRow,
  viewer: Viewer | null,
): Promise<ApprovalRequestDetail> {
  const decisions = await approvalsRepository.findDecisions(db, { orgId: row.orgId, requestId: row.id });
  const userIds = [
    row.submittedBy,
    ...row.currentApproverIds,
    ...row.steps.flatMap((s) => s.resolvedApproverIds ?? []),
    ...decisions.map((d) => d.approverId),
  ];
  const names = await approvalsRepository.userNames(db, { orgId: row.orgId, ids: userIds });
  const customerName = await approvalsRepository.customerName(db, { orgId: row.orgId, id: row.customerId });
  const pending = row.status === 'pending';
  const decidedThisStep =
    viewer !== null && decisions.some((d) => d.stepIndex === row.currentStep && d.approverId === viewer.userId);
  return {
    ...toListItem(row, { customerName, submitterName: names.get(row.submittedBy) ?? '' }, viewer?.locale),
    summary: row.summary,
    steps: row.steps.map((s) => ({
      name: s.name,
      approverKind: s.approverKind,
      ...(s.levels !== undefined ? { levels: s.levels } : {}),
      ...(s.roleId !== undefined ? { roleId: s.roleId } : {}),
      ...(s.userIds !== undefined ? { userIds: s.userIds } : {}),
      mode: s.mode,
      approvers: (s.resolvedApproverIds ?? []).map((id) => ref(names, id)),
      autoPassed: s.autoPassed === true,
    })),
    currentApprovers: row.currentApproverIds.map((id) => ref(names, id)),
    decisions: decisions.map((d) => ({
      stepIndex: d.stepIndex,
      approver: ref(names, d.approverId),
      decision: d.decision as 'approved' | 'rejected',
      comment: d.comment,
      at: d.at.toISOString(),
    })),
    canDecide: viewer !== null && pending && row.currentApproverIds.includes(viewer.userId) && !decidedThisStep,
    canWithdraw: viewer !== null && pending && row.submittedBy === viewer.userId,
    version: row.version,
  };
}
