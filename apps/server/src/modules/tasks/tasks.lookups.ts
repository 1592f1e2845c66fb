import type { Executor } from '../../platform/db/client.js';
import type { ScopeActor } from '../../platform/scope/data-scope.js';
import { tasksRepository } from './tasks.repository.js';

/** The actor's open tasks due before the given time, soonest first (the to-do inbox). */
export function findTasksDueForAssignee(db: Executor, actor: ScopeActor, options: { before: Date; limit: number }) {
  return tasksRepository.findDueForAssignee(db, actor, options);
}
