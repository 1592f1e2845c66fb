import { APPROVAL_BUSINESS_TYPES, type ApprovalBusinessType, type Locale } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import type { ApprovalStepDefinition } from '../../platform/db/schema/approvals.js';
import { translate } from '../../platform/i18n/translate.js';
import { defaultStepOf } from '../../platform/approvals/index.js';
import { approvalsRepository, type FlowRow } from './approvals.repository.js';

/** The effective flow of a type: the org's row, or the built-in default (no row yet). */
export interface EffectiveFlow {
  businessType: ApprovalBusinessType;
  id: string | null;
  name: string;
  enabled: boolean;
  steps: ApprovalStepDefinition[];
  version: number;
  updatedAt: Date | null;
}

const FLOW_NAMES: Record<ApprovalBusinessType, { 'zh-CN': string; en: string }> = {
  stage_transition: { 'zh-CN': '阶段变更审批', en: 'Stage change approval' },
  price_below_authority: { 'zh-CN': '低于价格权限审批', en: 'Price below authority approval' },
  credit_override: { 'zh-CN': '超信用额度审批', en: 'Credit override approval' },
  expense: { 'zh-CN': '费用审批', en: 'Expense approval' },
  contract: { 'zh-CN': '合同审批', en: 'Contract approval' },
  member_points_adjust: { 'zh-CN': '会员积分调整审批', en: 'Member points adjustment approval' },
};

/**
 * Built-in defaults (used while the org has no row for the type): one step, by the direct manager
 * or, where the owning module's approval adapter says so (credit overrides: finance owns credit), by
 * the org's finance role.
 */
export async function defaultFlow(
  db: Executor,
  orgId: string,
  businessType: ApprovalBusinessType,
  locale: Locale,
): Promise<EffectiveFlow> {
  let step: ApprovalStepDefinition;
  if (defaultStepOf(businessType) === 'finance') {
    const roleId = await approvalsRepository.roleIdByCode(db, { orgId, code: 'finance' });
    step = {
      name: translate(locale, 'approval.defaultStep.finance'),
      approverKind: 'role',
      ...(roleId ? { roleId } : {}),
      mode: 'any',
    };
  } else {
    step = { name: translate(locale, 'approval.defaultStep.manager'), approverKind: 'manager', levels: 1, mode: 'any' };
  }
  return {
    businessType,
    id: null,
    name: FLOW_NAMES[businessType][locale],
    enabled: true,
    steps: [step],
    version: 0,
    updatedAt: null,
  };
}

export function flowOfRow(row: FlowRow): EffectiveFlow {
  return {
    businessType: row.businessType as ApprovalBusinessType,
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    steps: row.steps,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

export async function effectiveFlow(
  db: Executor,
  orgId: string,
  businessType: ApprovalBusinessType,
  locale: Locale,
): Promise<EffectiveFlow> {
  const row = await approvalsRepository.findFlow(db, { orgId, businessType });
  return row ? flowOfRow(row) : defaultFlow(db, orgId, businessType, locale);
}

export async function effectiveFlows(db: Executor, orgId: string, locale: Locale): Promise<EffectiveFlow[]> {
  const rows = new Map((await approvalsRepository.findFlows(db, orgId)).map((r) => [r.businessType, r]));
  return Promise.all(
    APPROVAL_BUSINESS_TYPES.map(async (type) => {
      const row = rows.get(type);
      return row ? flowOfRow(row) : defaultFlow(db, orgId, type, locale);
    }),
  );
}
