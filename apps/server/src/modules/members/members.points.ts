import type { PointsEntryKind } from '@guanxi/contract';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import type { members } from '../../platform/db/schema/index.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { membersRepository } from './members.repository.js';

type LockedMember = typeof members.$inferSelect;

const AUDIT_ACTION = {
  earn: 'points_earn',
  deduct: 'points_deduct',
  redeem: 'points_redeem',
  expire: 'points_expire',
  adjust: 'points_adjust',
} as const;

export interface PointsChange {
  kind: PointsEntryKind;
  /** Signed change of the spendable balance. */
  points: number;
  /** Signed change of growth points (earn and deduct only). */
  growth?: number;
  reason?: string | null;
  orderId?: string | null;
  at?: Date;
}

/**
 * The one writer of points: appends the ledger entry and moves the balance (and growth points) on
 * the member row, with its audit entry, all in the caller's transaction on a member row the caller
 * locked. The balance never goes below zero: a redeem or negative adjustment beyond it is a 400
 * naming `points`. Returns false when the entry already exists (an order's earn or deduct).
 */
export async function applyPoints(
  tx: Executor,
  audit: AuditContext,
  member: LockedMember,
  change: PointsChange,
): Promise<boolean> {
  const balanceAfter = member.pointsBalance + change.points;
  if (balanceAfter < 0)
    throw invalidField('points', 'validation.pointsAboveBalance', { balance: member.pointsBalance });
  const growthAfter = Math.max(0, member.growthPoints + (change.growth ?? 0));
  const id = newId();
  const entry = {
    orgId: member.orgId,
    id,
    memberId: member.id,
    kind: change.kind,
    points: change.points,
    growth: growthAfter - member.growthPoints,
    balanceAfter,
    reason: change.reason ?? null,
    orderId: change.orderId ?? null,
    createdBy: audit.userId,
    ...(change.at ? { createdAt: change.at } : {}),
  };
  if (!(await membersRepository.insertLedger(tx, entry))) return false;
  const lastPurchase =
    change.kind === 'earn' && change.at && (!member.lastPurchaseAt || member.lastPurchaseAt < change.at)
      ? { lastPurchaseAt: change.at }
      : {};
  await membersRepository.update(
    tx,
    { orgId: member.orgId, id: member.id },
    { pointsBalance: balanceAfter, growthPoints: growthAfter, ...lastPurchase },
  );
  member.pointsBalance = balanceAfter;
  member.growthPoints = growthAfter;
  member.version += 1;
  await recordAudit(tx, audit, {
    action: AUDIT_ACTION[change.kind],
    entity: 'member_points',
    entityId: member.id,
    after: {
      entryId: id,
      points: change.points,
      growth: entry.growth,
      balanceAfter,
      reason: entry.reason,
      orderId: entry.orderId,
    },
  });
  return true;
}

/** A redeem that would leave less than nothing; the shared 400 of `applyPoints`, thrown early for clarity. */
export const assertRedeemable = (member: LockedMember, points: number): void => {
  if (points > member.pointsBalance)
    throw invalidField('points', 'validation.pointsAboveBalance', { balance: member.pointsBalance });
};

export const zeroAdjustment = () => invalidField('points', 'validation.pointsNonZero');
