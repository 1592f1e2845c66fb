import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { payments } from '../../platform/db/schema/index.js';

/** An existing payment an import row may be: by external id, or the same order, amount, date and reference. */
export interface ImportMatchedPayment {
  id: string;
  externalId: string | null;
  orderId: string;
  amountFen: number;
  receivedOn: string;
  method: string;
  reference: string | null;
  voided: boolean;
}

/** Payments of the organization with one of the external ids or against one of the orders. */
export async function findPaymentImportMatches(
  tx: Executor,
  orgId: string,
  keys: { externalIds: readonly string[]; orderIds: readonly string[] },
): Promise<ImportMatchedPayment[]> {
  const matches: SQL[] = [];
  if (keys.externalIds.length > 0) matches.push(inArray(payments.externalId, [...new Set(keys.externalIds)]));
  if (keys.orderIds.length > 0) matches.push(inArray(payments.orderId, [...new Set(keys.orderIds)]));
  if (matches.length === 0) return [];
  const rows = await tx
    .select({
      id: payments.id,
      externalId: payments.externalId,
      orderId: payments.orderId,
      amountFen: payments.amountFen,
      receivedOn: payments.receivedOn,
      method: payments.method,
      reference: payments.reference,
      voidedAt: payments.voidedAt,
    })
    .from(payments)
    .where(and(eq(payments.orgId, orgId), or(...matches)));
  return rows.map(({ voidedAt, ...r }) => ({ ...r, voided: voidedAt !== null }));
}
