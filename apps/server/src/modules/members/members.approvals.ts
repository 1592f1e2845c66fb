import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import type { members } from '../../platform/db/schema/index.js';
import type { DomainEvent } from '../../platform/events/index.js';
import { translate } from '../../platform/i18n/translate.js';
import type { ApprovalContextFacts } from '@guanxi/contract';
import type { ApprovalAdapter, ApprovalContextRequest } from '../../platform/module-kit/module-definition.js';
import { approvalEngine } from '../approvals/index.js';
import { applyPoints } from './members.points.js';
import { membersRepository } from './members.repository.js';

/** The record an adjustment's approval request names. */
export const ADJUSTMENT_ENTITY = 'member_points_adjustment';

/**
 * Records a points adjustment above the threshold and asks for its approval (default: the
 * requester's direct manager). 'approved' when the organization switched the flow off: the caller
 * then applies it at once.
 */
export async function submitAdjustmentForApproval(
  tx: Executor,
  actor: Actor,
  { member, points, reason }: { member: typeof members.$inferSelect; points: number; reason: string },
): Promise<'pending' | 'approved'> {
  const id = newId();
  const result = await approvalEngine.submit(tx, actor, {
    businessType: 'member_points_adjust',
    entityType: ADJUSTMENT_ENTITY,
    entityId: id,
    customerId: member.customerId,
    title: translate(actor.locale, 'member.approvalTitle.adjust', {
      memberNo: member.memberNo,
      points: points > 0 ? `+${points}` : String(points),
    }),
    reason,
    summary: { memberNo: member.memberNo, points, reason, balance: member.pointsBalance },
  });
  if (result.status === 'approved') return 'approved';
  await membersRepository.insertAdjustment(tx, {
    orgId: actor.orgId,
    id,
    memberId: member.id,
    points,
    reason,
    approvalRequestId: result.requestId,
    requestedBy: actor.userId,
  });
  await recordAudit(tx, actor, {
    action: 'request',
    entity: 'member_points',
    entityId: member.id,
    after: { adjustmentId: id, points, reason, approvalRequestId: result.requestId },
  });
  return 'pending';
}

/**
 * Applies an approved adjustment in the deciding transaction; a rejected or withdrawn one only
 * records its outcome. A negative adjustment larger than the balance at decision time is a 400
 * naming `points` (the decider may reject it instead).
 */
async function decideAdjustment(tx: Executor, event: DomainEvent<'approval.decided'>): Promise<void> {
  if (event.entityType !== ADJUSTMENT_ENTITY) return;
  const adjustment = await membersRepository.lockAdjustment(tx, event.orgId, event.entityId);
  if (!adjustment || adjustment.status !== 'pending' || adjustment.approvalRequestId !== event.requestId) return;
  const audit = { orgId: event.orgId, userId: event.decidedBy, ip: null, requestId: null };
  if (event.status === 'approved') {
    const member = await membersRepository.lock(tx, event.orgId, { id: adjustment.memberId });
    if (member)
      await applyPoints(tx, audit, member, { kind: 'adjust', points: adjustment.points, reason: adjustment.reason });
  }
  await membersRepository.updateAdjustment(
    tx,
    { orgId: event.orgId, id: adjustment.id },
    { status: event.status, decidedAt: event.at },
  );
}

/** The adjustment as its decision card shows it: the member, the points asked for and the balance now. */
async function adjustmentContext(db: Executor, request: ApprovalContextRequest): Promise<ApprovalContextFacts | null> {
  if (request.entityType !== ADJUSTMENT_ENTITY) return null;
  const adjustment = await membersRepository.getAdjustment(db, request.orgId, request.entityId);
  const member = adjustment && (await membersRepository.get(db, request.orgId, null, { id: adjustment.memberId }));
  if (!adjustment || !member) return null;
  return {
    kind: 'points',
    memberNo: member.memberNo,
    customerName: member.customerName,
    levelNameZh: member.levelNameZh,
    levelNameEn: member.levelNameEn,
    points: adjustment.points,
    reason: adjustment.reason,
    balance: Number(member.pointsBalance),
    growthPoints: Number(member.growthPoints),
  };
}

/** Points adjustments above the threshold: default approver the requester's direct manager. */
export const pointsAdjustmentApprovals: ApprovalAdapter = {
  businessType: 'member_points_adjust',
  defaultStep: 'manager',
  decide: decideAdjustment,
  context: adjustmentContext,
};
