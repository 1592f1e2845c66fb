import type { Executor } from '../../platform/db/client.js';
import { ownedLeadScope, type LeadActor } from './lead-scope.js';
import { leadsRepository, type LeadRow } from './leads.repository.js';

/**
 * A lead the actor may write (owned-record scope), locked for the rest of the caller's transaction;
 * null when unknown or out of scope. A deleted lead is returned: the caller decides what that means.
 */
export async function lockWritableLead(tx: Executor, actor: LeadActor, id: string): Promise<LeadRow | null> {
  const [lead] = await leadsRepository.lockByIds(tx, ownedLeadScope(actor), [id]);
  return lead ?? null;
}
