import { DEFAULT_CURRENCY, type Pipeline, type PipelineQuery } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { pipelineRepository } from './pipeline.repository.js';

/** The weighted pipeline (amount × probability) per owner or team, and per stage for the board. */
export function createPipelineService({ db }: { db: Db }) {
  return {
    async get(actor: Actor, query: PipelineQuery): Promise<Pipeline> {
      if (query.from && query.to && query.from > query.to) throw invalidField('to', 'validation.invalid');
      const groupBy = query.groupBy ?? 'owner';
      const currency = query.currency ?? DEFAULT_CURRENCY;
      const range = { from: query.from, to: query.to, processId: query.processId, currency };
      const groups =
        groupBy === 'owner'
          ? await pipelineRepository.sumByOwner(db, actor, range)
          : await pipelineRepository.sumByDepartment(db, actor, range);
      const stages = await pipelineRepository.sumByStage(db, actor, range);
      const total = await pipelineRepository.sumAll(db, actor, range);
      return { groupBy, currency, groups, stages: stages.map(({ sortOrder: _, ...stage }) => stage), total };
    },
  };
}
