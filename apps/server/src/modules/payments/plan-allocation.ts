import type { Executor } from '../../platform/db/client.js';
import { allocatePayments, installmentStatus } from './payments.allocation.js';
import { paymentsRepository } from './payments.repository.js';
import { plansRepository, type InstallmentRow } from './plans.repository.js';
import { localDateOf, orgTimeZone } from '../../platform/time/index.js';

/** The plan's version: the highest of its installments' (0 without a plan). */
export const planVersionOf = (installments: readonly Pick<InstallmentRow, 'version'>[]): number =>
  installments.reduce((max, i) => Math.max(max, i.version), 0);

/** Today in the organization's calendar (installments fall due by local date). */
export async function organizationToday(db: Executor, orgId: string, now: Date = new Date()): Promise<string> {
  return localDateOf(now, await orgTimeZone(db, orgId));
}

/**
 * Spreads the order's live payments over its installments again and stores the paid amounts and
 * statuses that changed. Any change moves every installment to the next plan version, so a plan
 * editor holding the old one gets a 409. Runs in the caller's transaction, with the order locked.
 * Returns the installments before and after, for the audit.
 */
export async function reallocateOrder(
  tx: Executor,
  key: { orgId: string; orderId: string; today: string },
): Promise<{ before: InstallmentRow[]; after: InstallmentRow[] }> {
  const before = await plansRepository.findForOrder(tx, key);
  if (before.length === 0) return { before, after: before };
  const live = await paymentsRepository.findLiveForOrder(tx, key);
  const paid = allocatePayments(before, live);
  const next = before.map((i) => {
    const paidFen = paid.get(i.id) ?? 0;
    return { ...i, paidFen, status: installmentStatus({ ...i, paidFen }, key.today) };
  });
  const changed = next.some((n, index) => n.paidFen !== before[index]!.paidFen || n.status !== before[index]!.status);
  if (!changed) return { before, after: before };
  const version = planVersionOf(before) + 1;
  for (const installment of next) {
    await plansRepository.update(
      tx,
      { orgId: key.orgId, id: installment.id },
      { paidFen: installment.paidFen, status: installment.status, version },
    );
  }
  return { before, after: next.map((n) => ({ ...n, version })) };
}

/** What the audit keeps of a plan: number, due date, amount, paid and status per installment. */
export const auditedPlan = (installments: readonly InstallmentRow[]) =>
  installments.map((i) => ({
    id: i.id,
    installmentNo: i.installmentNo,
    dueDate: i.dueDate,
    amountFen: i.amountFen,
    paidFen: i.paidFen,
    status: i.status,
  }));
