import type { Executor } from '../../platform/db/client.js';
import type { ScopeActor } from '../../platform/scope/data-scope.js';
import { opportunitiesRepository, type OpportunityRow } from './opportunities.repository.js';

/** An opportunity the actor may see, or null (follow-ups attach to it). */
export function findReadableOpportunity(db: Executor, actor: ScopeActor, id: string): Promise<OpportunityRow | null> {
  return opportunitiesRepository.getById(db, actor, id);
}
