import type { ApprovalRule, LifecycleStage } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { settingsRepository } from './settings.repository.js';

/** domain §2 defaults; every value is an admin setting afterwards. */
export const DEFAULT_STAGES: readonly LifecycleStage[] = [
  { code: 'prospect', nameZh: '潜在客户', nameEn: 'Prospect', sortOrder: 10, expectedDwellDays: 15, active: true },
  { code: 'interested', nameZh: '意向客户', nameEn: 'Interested', sortOrder: 20, expectedDwellDays: 30, active: true },
  {
    code: 'first_purchase',
    nameZh: '初次购买客户',
    nameEn: 'First-time buyer',
    sortOrder: 30,
    expectedDwellDays: 90,
    active: true,
  },
  {
    code: 'repeat',
    nameZh: '历史客户 (复购)',
    nameEn: 'Repeat customer',
    sortOrder: 40,
    expectedDwellDays: null,
    active: true,
  },
  { code: 'lost', nameZh: '流失客户', nameEn: 'Lost', sortOrder: 50, expectedDwellDays: null, active: true },
];

/** Default: marking a customer lost, from any stage, needs the owner's manager. */
export const DEFAULT_APPROVAL_RULES: readonly ApprovalRule[] = [{ from: null, to: 'lost' }];

/** Seeds a new organization's stages and approval rules, in the caller's transaction. */
export async function seedLifecycleDefaults(tx: Executor, orgId: string): Promise<void> {
  await settingsRepository.replaceStages(tx, orgId, DEFAULT_STAGES);
  await settingsRepository.replaceApprovalRules(tx, orgId, DEFAULT_APPROVAL_RULES);
}
