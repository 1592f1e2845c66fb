import { DEFAULT_RETURN_VISIT_DAYS, type Locale, type Stage, type StageStrategy } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { stageStrategiesRepository } from './stage-strategies.repository.js';

const FOLLOW_UP_EVERY_DAYS: Record<Stage, number | null> = {
  prospect: 15,
  interested: 7,
  first_purchase: 14,
  repeat: 30,
  lost: null,
};

/**
 * Issue 13 defaults; every value is an admin setting afterwards. The migration
 * *_stage_strategies.sql writes the same rows for organizations created before: keep both in step.
 */
export function defaultStageStrategies(locale: Locale): StageStrategy[] {
  return (Object.keys(FOLLOW_UP_EVERY_DAYS) as Stage[]).map((stage) => ({
    stage,
    followUpEveryDays: FOLLOW_UP_EVERY_DAYS[stage],
    defaultTasks:
      stage === 'first_purchase'
        ? [
            {
              title: locale === 'en' ? 'Confirm first-order delivery' : '首单回访确认交付',
              kind: 'call' as const,
              dueAfterDays: 3,
            },
          ]
        : [],
    firstOrderCare: stage === 'first_purchase',
    returnVisitDays: DEFAULT_RETURN_VISIT_DAYS,
  }));
}

/** Seeds a new organization's stage strategies, in the caller's transaction. */
export async function seedStageStrategyDefaults(tx: Executor, orgId: string, locale: Locale): Promise<void> {
  await stageStrategiesRepository.replaceAll(tx, orgId, defaultStageStrategies(locale));
}
