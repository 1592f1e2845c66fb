import type { Executor } from '../../platform/db/client.js';
import type { ScopeActor } from '../../platform/scope/data-scope.js';
import { workPlansRepository, type WorkPlanRow } from './work-plans.repository.js';

/** The first submitted plans waiting for the actor's review, newest period first (the to-do inbox). */
export function findPlansToReview(db: Executor, actor: ScopeActor, limit: number): Promise<WorkPlanRow[]> {
  return workPlansRepository.findPage(db, actor, { view: 'review', filters: {}, cursor: null, limit });
}

/** How many submitted plans wait for the actor's review. */
export function countPlansToReview(db: Executor, actor: ScopeActor): Promise<number> {
  return workPlansRepository.countToReview(db, actor);
}
