import { STAGES, type FollowUpCadence, type StageStrategy, type StageStrategyList } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField, notFound } from '../../platform/errors/app-error.js';
import { cadenceOf, getStageStrategies } from './stage-strategies.js';
import { stageStrategiesRepository } from './stage-strategies.repository.js';

/** Trimmed titles; a title left empty by trimming is refused like a missing one. */
function normalized(items: readonly StageStrategy[]): StageStrategy[] {
  return items.map((s) => {
    const defaultTasks = s.defaultTasks.map((t) => ({ ...t, title: t.title.trim() }));
    if (defaultTasks.some((t) => t.title === '')) throw invalidField('defaultTasks', 'validation.required');
    return { ...s, defaultTasks };
  });
}

/** The per-stage strategy screen (permission lifecycle.manage to change) and the customer's cadence hint. */
export function createStageStrategiesService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  return {
    async list(actor: Actor): Promise<StageStrategyList> {
      return { items: await getStageStrategies(db, actor.orgId) };
    },

    /** Replaces every stage's strategy; each stage code must appear exactly once. */
    async update(actor: Actor, items: StageStrategy[]): Promise<StageStrategyList> {
      const codes = new Set(items.map((s) => s.stage));
      if (items.length !== STAGES.length || codes.size !== STAGES.length)
        throw invalidField('items', 'validation.stageStrategiesIncomplete');
      const after = normalized(items);
      return db.transaction(async (tx) => {
        const before = await getStageStrategies(tx, actor.orgId);
        await stageStrategiesRepository.replaceAll(tx, actor.orgId, after);
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'lifecycle_stage_strategies',
          entityId: actor.orgId,
          before,
          after,
        });
        return { items: await getStageStrategies(tx, actor.orgId) };
      });
    },

    /** The customer page's hint: 404 outside the caller's scope. */
    async followUpCadence(actor: Actor, customerId: string): Promise<FollowUpCadence> {
      const customer = await stageStrategiesRepository.getCadenceCustomer(db, actor, customerId);
      if (!customer) throw notFound('entity.customer');
      const strategy = (await getStageStrategies(db, actor.orgId)).find((s) => s.stage === customer.stage);
      return cadenceOf(customer, strategy?.followUpEveryDays ?? null, clock());
    },
  };
}
