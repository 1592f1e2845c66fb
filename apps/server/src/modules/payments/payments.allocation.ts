import type { InstallmentStatus } from '@guanxi/contract';

export interface AllocatableInstallment {
  id: string;
  installmentNo: number;
  dueDate: string;
  amountFen: number;
}

export interface AllocatablePayment {
  planId: string | null;
  amountFen: number;
}

/**
 * How the order's live payments spread over its installments: each payment fills the installment
 * it names first, the rest goes to the oldest unpaid installments (FIFO by due date). Recomputed
 * from all payments on every change, so voids and plan replacements cannot drift.
 * Payments must come in the order they were received.
 */
export function allocatePayments(
  installments: readonly AllocatableInstallment[],
  payments: readonly AllocatablePayment[],
): Map<string, number> {
  const ordered = [...installments].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.installmentNo - b.installmentNo,
  );
  const paid = new Map(ordered.map((i) => [i.id, 0]));
  const fill = (installment: AllocatableInstallment, available: number): number => {
    const room = installment.amountFen - paid.get(installment.id)!;
    const applied = Math.min(room, available);
    if (applied > 0) paid.set(installment.id, paid.get(installment.id)! + applied);
    return available - Math.max(applied, 0);
  };
  for (const payment of payments) {
    let left = payment.amountFen;
    const named = ordered.find((i) => i.id === payment.planId);
    if (named) left = fill(named, left);
    for (const installment of ordered) {
      if (left <= 0) break;
      left = fill(installment, left);
    }
  }
  return paid;
}

/**
 * An installment's status: paid once covered; overdue from the day after its due date while not
 * covered (also when partly paid — it is late all the same); partly paid; else pending.
 */
export function installmentStatus(
  installment: { dueDate: string; amountFen: number; paidFen: number },
  today: string,
): InstallmentStatus {
  if (installment.paidFen >= installment.amountFen) return 'paid';
  if (installment.dueDate < today) return 'overdue';
  return installment.paidFen > 0 ? 'partly_paid' : 'pending';
}
