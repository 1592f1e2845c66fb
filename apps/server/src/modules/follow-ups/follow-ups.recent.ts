import type { ApprovalFollowUp, Locale } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { getFollowUpTypes } from './follow-up-types.js';
import { followUpsRepository } from './follow-ups.repository.js';

/**
 * A customer's latest follow-ups, newest first, with the type's name in `locale`: the context an
 * approver reads beside a stage move. The caller decided the reader may see them.
 */
export async function recentFollowUpsOf(
  db: Executor,
  key: { orgId: string; customerId: string; locale: Locale; limit: number },
): Promise<ApprovalFollowUp[]> {
  const rows = await followUpsRepository.findRecentOfCustomer(db, key);
  const types = new Map((await getFollowUpTypes(db, key.orgId)).map((t) => [t.code, t]));
  return rows.map((row) => {
    const type = types.get(row.type);
    return {
      at: row.occurredAt.toISOString(),
      typeName: type ? (key.locale === 'en' ? type.nameEn : type.nameZh) : row.type,
      content: row.content,
      authorName: row.authorName ?? '',
    };
  });
}
