import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { lossReasonsRepository } from './loss-reasons.repository.js';

/** The loss reasons an organization starts with; `competitor` also needs the competitor. */
export const DEFAULT_LOSS_REASONS = [
  { code: 'price', name: '价格太高', nameEn: 'Price too high' },
  { code: 'competitor', name: '输给竞争对手', nameEn: 'Lost to a competitor', requiresCompetitor: true },
  { code: 'budget', name: '客户没有预算', nameEn: 'No budget' },
  { code: 'no_decision', name: '客户未做决定', nameEn: 'No decision' },
  { code: 'product_fit', name: '产品不匹配', nameEn: 'Product fit' },
  { code: 'timing', name: '时机不对', nameEn: 'Timing' },
  { code: 'relationship', name: '客户关系不足', nameEn: 'Relationship' },
] as const;

/**
 * Gives an organization that has never had loss reasons the default ones. Lazy (on first use), as
 * the default sales process is, so organizations created before reasons existed get them too; the
 * unique code makes concurrent first uses insert each reason once.
 */
export async function ensureDefaultLossReasons(tx: Executor, orgId: string): Promise<void> {
  if (await lossReasonsRepository.hasAny(tx, orgId)) return;
  await lossReasonsRepository.insertSeeded(
    tx,
    DEFAULT_LOSS_REASONS.map((reason, index) => ({
      orgId,
      id: newId(),
      requiresCompetitor: false,
      ...reason,
      sortOrder: (index + 1) * 10,
    })),
  );
}
