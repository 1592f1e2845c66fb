import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { followUps } from '../../platform/db/schema/index.js';

/** An existing follow-up an import row may be: by external id, or the same customer, time and content. */
export interface ImportMatchedFollowUp {
  id: string;
  externalId: string | null;
  customerId: string | null;
  type: string;
  content: string;
  occurredAt: Date;
  deleted: boolean;
}

/** Follow-ups of the organization (deleted ones too) with one of the external ids or of one of the customers. */
export async function findFollowUpImportMatches(
  tx: Executor,
  orgId: string,
  keys: { externalIds: readonly string[]; customerIds: readonly string[] },
): Promise<ImportMatchedFollowUp[]> {
  const matches: SQL[] = [];
  if (keys.externalIds.length > 0) matches.push(inArray(followUps.externalId, [...new Set(keys.externalIds)]));
  if (keys.customerIds.length > 0) matches.push(inArray(followUps.customerId, [...new Set(keys.customerIds)]));
  if (matches.length === 0) return [];
  return tx
    .select({
      id: followUps.id,
      externalId: followUps.externalId,
      customerId: followUps.customerId,
      type: followUps.type,
      content: followUps.content,
      occurredAt: followUps.occurredAt,
      deleted: sql<boolean>`${followUps.deletedAt} is not null`,
    })
    .from(followUps)
    .where(and(eq(followUps.orgId, orgId), or(...matches)));
}
