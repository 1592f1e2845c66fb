import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { salesProcessesRepository } from './sales-processes.repository.js';

/** The stages an organization starts with (domain §1); won/lost/invalid are statuses, not stages. */
export const DEFAULT_SALES_STAGES = [
  { name: '初步接洽', nameEn: 'Initial contact', probability: 10 },
  { name: '需求确认', nameEn: 'Needs confirmed', probability: 30 },
  { name: '方案报价', nameEn: 'Proposal and quote', probability: 60 },
  { name: '谈判审核', nameEn: 'Negotiation and review', probability: 80 },
] as const;
export const DEFAULT_SALES_PROCESS_NAME = '标准销售流程';

/**
 * Gives an organization that has never had a sales process the default one. Lazy (on first
 * use) rather than at organization creation, so organizations created before this module get it
 * too; concurrent first uses insert it once (the unique index decides, the loser does nothing).
 */
export async function ensureDefaultSalesProcess(tx: Executor, orgId: string): Promise<void> {
  if (await salesProcessesRepository.hasAnyProcess(tx, orgId)) return;
  const processId = newId();
  const inserted = await salesProcessesRepository.insertProcess(tx, {
    orgId,
    id: processId,
    name: DEFAULT_SALES_PROCESS_NAME,
    departmentId: null,
  });
  if (!inserted) return;
  await salesProcessesRepository.insertStages(
    tx,
    DEFAULT_SALES_STAGES.map((stage, index) => ({ orgId, id: newId(), processId, ...stage, sortOrder: index + 1 })),
  );
}
