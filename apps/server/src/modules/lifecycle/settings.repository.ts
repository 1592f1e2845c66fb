import type { ApprovalRule, LifecycleRuleSettings, LifecycleStage, Stage } from '@guanxi/contract';
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { lifecycleApprovalRules, lifecycleRuleSettings, lifecycleStages } from '../../platform/db/schema/index.js';
import { firstRow } from '../../platform/db/row-reads.js';

/** The lifecycle's own rule values; the API's rule settings add the duplicate check's threshold. */
export type LifecycleRules = Pick<LifecycleRuleSettings, 'lostAfterDays' | 'stuckRepeatDays'>;

/** Organization settings of the lifecycle: stages and approval rules (admin data, not owned records). */
export const settingsRepository = {
  async findRuleSettings(db: Executor, orgId: string): Promise<LifecycleRules | null> {
    return firstRow(
      db
        .select({
          lostAfterDays: lifecycleRuleSettings.lostAfterDays,
          stuckRepeatDays: lifecycleRuleSettings.stuckRepeatDays,
        })
        .from(lifecycleRuleSettings)
        .where(eq(lifecycleRuleSettings.orgId, orgId)),
    );
  },

  async saveRuleSettings(db: Executor, orgId: string, values: LifecycleRules): Promise<void> {
    await db
      .insert(lifecycleRuleSettings)
      .values({ orgId, ...values })
      .onConflictDoUpdate({ target: lifecycleRuleSettings.orgId, set: { ...values, updatedAt: sql`now()` } });
  },

  async findStages(db: Executor, orgId: string): Promise<LifecycleStage[]> {
    const rows = await db
      .select({
        code: lifecycleStages.code,
        nameZh: lifecycleStages.nameZh,
        nameEn: lifecycleStages.nameEn,
        sortOrder: lifecycleStages.sortOrder,
        expectedDwellDays: lifecycleStages.expectedDwellDays,
        active: lifecycleStages.active,
      })
      .from(lifecycleStages)
      .where(eq(lifecycleStages.orgId, orgId))
      .orderBy(asc(lifecycleStages.sortOrder), asc(lifecycleStages.code));
    return rows.map((r) => ({ ...r, code: r.code as Stage }));
  },

  async replaceStages(db: Executor, orgId: string, stages: readonly LifecycleStage[]): Promise<void> {
    await db.delete(lifecycleStages).where(eq(lifecycleStages.orgId, orgId));
    await db.insert(lifecycleStages).values(stages.map((s) => ({ orgId, ...s })));
  },

  async findApprovalRules(db: Executor, orgId: string): Promise<ApprovalRule[]> {
    const rows = await db
      .select({ from: lifecycleApprovalRules.fromStage, to: lifecycleApprovalRules.toStage })
      .from(lifecycleApprovalRules)
      .where(eq(lifecycleApprovalRules.orgId, orgId))
      .orderBy(asc(lifecycleApprovalRules.id));
    return rows.map((r) => ({ from: r.from as Stage | null, to: r.to as Stage }));
  },

  async replaceApprovalRules(db: Executor, orgId: string, rules: readonly ApprovalRule[]): Promise<void> {
    await db.delete(lifecycleApprovalRules).where(eq(lifecycleApprovalRules.orgId, orgId));
    if (rules.length === 0) return;
    await db
      .insert(lifecycleApprovalRules)
      .values(rules.map((r) => ({ orgId, id: newId(), fromStage: r.from, toStage: r.to })));
  },
};
