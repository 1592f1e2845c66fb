import {
  STAGES,
  type ApprovalRule,
  type ApprovalRuleList,
  type LifecycleRuleSettings,
  type LifecycleStage,
  type LifecycleStageList,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { DEFAULT_APPROVAL_RULES, DEFAULT_STAGES } from './lifecycle.defaults.js';
import { getNameSimilarityPercent, saveNameSimilarityPercent } from '../duplicates/index.js';
import { LOST_AFTER_DAYS, STUCK_REPEAT_DAYS } from './lifecycle.rules.js';
import { settingsRepository, type LifecycleRules } from './settings.repository.js';

export interface LifecycleSettings {
  stages: LifecycleStage[];
  approvalRules: ApprovalRule[];
  rules: LifecycleRules;
}

/** The rule values an organization set, or the domain defaults. */
export async function getLifecycleRuleSettings(db: Executor, orgId: string): Promise<LifecycleRules> {
  const saved = await settingsRepository.findRuleSettings(db, orgId);
  return saved ?? { lostAfterDays: LOST_AFTER_DAYS, stuckRepeatDays: STUCK_REPEAT_DAYS };
}

/**
 * The rule settings screen: the lifecycle's rules and the duplicate check's name-similarity
 * threshold, which the duplicates module owns and the screen edits alongside.
 */
async function getRuleSettingsScreen(db: Executor, orgId: string): Promise<LifecycleRuleSettings> {
  const rules = await getLifecycleRuleSettings(db, orgId);
  return { ...rules, nameSimilarityPercent: await getNameSimilarityPercent(db, orgId) };
}

/**
 * The organization's stages and approval rules. An organization created before the lifecycle
 * existed has no rows yet and runs on the domain defaults until an admin saves its own.
 */
export async function getLifecycleSettings(db: Executor, orgId: string): Promise<LifecycleSettings> {
  const stages = await settingsRepository.findStages(db, orgId);
  const rules = await getLifecycleRuleSettings(db, orgId);
  if (stages.length === 0) return { stages: [...DEFAULT_STAGES], approvalRules: [...DEFAULT_APPROVAL_RULES], rules };
  return { stages, approvalRules: await settingsRepository.findApprovalRules(db, orgId), rules };
}

const invalidItems = () =>
  new AppError('validation', 'error.validation', { fields: [{ field: 'items', key: 'validation.invalid' }] });

/** Admin screens for stages and approval rules (permission lifecycle.manage). */
export function createLifecycleSettingsService({ db }: { db: Db }) {
  return {
    async listStages(actor: Actor): Promise<LifecycleStageList> {
      return { items: (await getLifecycleSettings(db, actor.orgId)).stages };
    },

    /** Replaces the configuration; every stage code must appear exactly once. */
    async updateStages(actor: Actor, items: LifecycleStage[]): Promise<LifecycleStageList> {
      const codes = new Set(items.map((s) => s.code));
      if (items.length !== STAGES.length || codes.size !== STAGES.length) throw invalidItems();
      return db.transaction(async (tx) => {
        const before = await getLifecycleSettings(tx, actor.orgId);
        await settingsRepository.replaceStages(tx, actor.orgId, items);
        if (
          (await settingsRepository.findApprovalRules(tx, actor.orgId)).length === 0 &&
          before.approvalRules.length > 0
        ) {
          // First save of an org still on the defaults: keep its effective approval rules.
          await settingsRepository.replaceApprovalRules(tx, actor.orgId, before.approvalRules);
        }
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'lifecycle_stages',
          entityId: actor.orgId,
          before: before.stages,
          after: items,
        });
        return { items: await settingsRepository.findStages(tx, actor.orgId) };
      });
    },

    getRuleSettings: (actor: Actor): Promise<LifecycleRuleSettings> => getRuleSettingsScreen(db, actor.orgId),

    async updateRuleSettings(actor: Actor, values: LifecycleRuleSettings): Promise<LifecycleRuleSettings> {
      return db.transaction(async (tx) => {
        const before = await getRuleSettingsScreen(tx, actor.orgId);
        const { nameSimilarityPercent, ...rules } = values;
        await settingsRepository.saveRuleSettings(tx, actor.orgId, rules);
        await saveNameSimilarityPercent(tx, actor.orgId, nameSimilarityPercent);
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'lifecycle_rule_settings',
          entityId: actor.orgId,
          before,
          after: values,
        });
        return getRuleSettingsScreen(tx, actor.orgId);
      });
    },

    async listApprovalRules(actor: Actor): Promise<ApprovalRuleList> {
      return { items: (await getLifecycleSettings(db, actor.orgId)).approvalRules };
    },

    /** Replaces the rules; duplicates collapse, a rule from a stage to itself is invalid. */
    async updateApprovalRules(actor: Actor, items: ApprovalRule[]): Promise<ApprovalRuleList> {
      if (items.some((r) => r.from === r.to)) throw invalidItems();
      const unique = [...new Map(items.map((r) => [`${r.from ?? '*'}>${r.to}`, r])).values()];
      return db.transaction(async (tx) => {
        const before = await getLifecycleSettings(tx, actor.orgId);
        if ((await settingsRepository.findStages(tx, actor.orgId)).length === 0) {
          await settingsRepository.replaceStages(tx, actor.orgId, before.stages);
        }
        await settingsRepository.replaceApprovalRules(tx, actor.orgId, unique);
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'lifecycle_approval_rules',
          entityId: actor.orgId,
          before: before.approvalRules,
          after: unique,
        });
        return { items: await settingsRepository.findApprovalRules(tx, actor.orgId) };
      });
    },
  };
}
