import {
  DEFAULT_RETURN_VISIT_DAYS,
  STAGES,
  type FollowUpCadence,
  type Stage,
  type StageStrategy,
} from '@guanxi/contract';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { orgLocale } from '../../platform/i18n/org-locale.js';
import { translate } from '../../platform/i18n/translate.js';
import { createSystemTasks } from '../tasks/index.js';
import { getLifecycleSettings } from './settings.service.js';
import { defaultStageStrategies } from './stage-strategies.defaults.js';
import { stageStrategiesRepository, type CadenceCustomer } from './stage-strategies.repository.js';

const DAY_MS = 86_400_000;

/**
 * The organization's strategy for every stage, in stage order. Stages without a saved row (an
 * organization that predates the strategies and skipped the migration's defaults) get the defaults.
 */
export async function getStageStrategies(db: Executor, orgId: string): Promise<StageStrategy[]> {
  const saved = await stageStrategiesRepository.findAll(db, orgId);
  if (saved.length === STAGES.length) return STAGES.map((stage) => saved.find((s) => s.stage === stage)!);
  const defaults = defaultStageStrategies(await orgLocale(db, orgId));
  return STAGES.map((stage) => saved.find((s) => s.stage === stage) ?? defaults.find((s) => s.stage === stage)!);
}

/** The stages with a follow-up cadence, as the customer list's "follow-up overdue" filter needs them. */
export async function followUpCadences(db: Executor, orgId: string): Promise<{ stage: Stage; days: number }[]> {
  return (await getStageStrategies(db, orgId)).flatMap((s) =>
    s.followUpEveryDays === null ? [] : [{ stage: s.stage, days: s.followUpEveryDays }],
  );
}

/**
 * How a customer stands against its stage's cadence. The clock is the last follow-up, or the
 * customer's creation without one; overdue once more than `everyDays` whole days have passed —
 * the same rule as the list filter.
 */
export function cadenceOf(customer: CadenceCustomer, everyDays: number | null, now: Date): FollowUpCadence {
  const since = customer.lastFollowUpAt ?? customer.createdAt;
  const elapsedMs = now.getTime() - since.getTime();
  return {
    stage: customer.stage,
    everyDays,
    daysSinceLastFollowUp: Math.max(0, Math.floor(elapsedMs / DAY_MS)),
    hasFollowUp: customer.lastFollowUpAt !== null,
    overdue: everyDays !== null && elapsedMs > everyDays * DAY_MS,
  };
}

/**
 * Whether a first order placed while the customer is in `stage` gets first-order care (首单),
 * and after how many days its return visit is due.
 */
export async function firstOrderCareOf(
  db: Executor,
  key: { orgId: string; stage: Stage },
): Promise<{ care: boolean; returnVisitDays: number }> {
  const strategies = await getStageStrategies(db, key.orgId);
  const own = strategies.find((s) => s.stage === key.stage);
  if (own?.firstOrderCare) return { care: true, returnVisitDays: own.returnVisitDays };
  // Delivery may come after the customer moved on (e.g. to repeat): the stage that cares decides.
  const caring = strategies.find((s) => s.firstOrderCare);
  return { care: false, returnVisitDays: caring?.returnVisitDays ?? DEFAULT_RETURN_VISIT_DAYS };
}

/**
 * The stage's default tasks for the customer's owner, due N days after `at`, in the caller's
 * transaction (the stage move's). A customer in the pool has no owner and gets none; nor does a
 * move dated more than a day ago.
 */
export async function createStageEntryTasks(
  tx: Executor,
  move: { customerId: string; ownerId: string | null; stage: Stage; at: Date; audit: AuditContext },
): Promise<void> {
  if (move.ownerId === null) return;
  // A move replayed from history (imported or demo orders dated long ago) would leave tasks that
  // were overdue before anyone could see them: the strategy is for stages entered now.
  if (move.at.getTime() < Date.now() - DAY_MS) return;
  const strategy = (await getStageStrategies(tx, move.audit.orgId)).find((s) => s.stage === move.stage);
  if (!strategy || strategy.defaultTasks.length === 0) return;
  const locale = await orgLocale(tx, move.audit.orgId);
  const stage = (await getLifecycleSettings(tx, move.audit.orgId)).stages.find((s) => s.code === move.stage);
  const stageName = stage ? (locale === 'en' ? stage.nameEn : stage.nameZh) : move.stage;
  await createSystemTasks(
    tx,
    move.audit,
    strategy.defaultTasks.map((task) => ({
      title: task.title,
      description: translate(locale, 'stageStrategy.taskDescription', {
        kind: `stageStrategy.kind.${task.kind}`,
        stage: stageName,
      }),
      dueAt: new Date(move.at.getTime() + task.dueAfterDays * DAY_MS),
      assigneeId: move.ownerId!,
      relatedType: 'customer' as const,
      relatedId: move.customerId,
    })),
  );
}
