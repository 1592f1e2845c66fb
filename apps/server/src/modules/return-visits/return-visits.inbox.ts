import type { ScopeActor } from '../../platform/scope/data-scope.js';
import type { Executor } from '../../platform/db/client.js';
import { returnVisitsRepository } from './return-visits.repository.js';

/** Open return visits due by `today`, the handler's own or still in the queue, in the caller's scope. */
export async function findReturnVisitsDue(db: Executor, actor: ScopeActor, options: { today: string; limit: number }) {
  return returnVisitsRepository.findDue(db, actor, options);
}
