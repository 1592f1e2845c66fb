import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors/app-error.js';
import { lockWritableCustomer } from '../customers/index.js';
import { lockWritableLead } from '../leads/index.js';
import { followUpsRepository } from './follow-ups.repository.js';

/** The record a follow-up hangs on. */
export type FollowUpParent = { kind: 'customer'; id: string } | { kind: 'lead'; id: string };

export const parentOf = (row: { customerId: string | null; leadId: string | null }): FollowUpParent =>
  row.customerId !== null ? { kind: 'customer', id: row.customerId } : { kind: 'lead', id: row.leadId! };

/**
 * Writing a follow-up is a write on its parent: the parent must be live and inside the caller's
 * write scope (owned-record scope; team members of a customer only read). Locks the parent row,
 * so concurrent follow-ups of one parent update its last/next times one after the other.
 * Out of scope or unknown → 404.
 */
export async function lockParent(tx: Executor, actor: Actor, parent: FollowUpParent): Promise<void> {
  if (parent.kind === 'customer') {
    const customer = await lockWritableCustomer(tx, actor, parent.id);
    if (!customer || customer.deletedAt !== null) throw notFound('entity.customer');
    return;
  }
  const lead = await lockWritableLead(tx, actor, parent.id);
  if (!lead || lead.deletedAt !== null) throw notFound('entity.lead');
}

/** Puts the parent's last follow-up and next contact times in step with its follow-ups. */
export async function syncParent(tx: Executor, orgId: string, parent: FollowUpParent): Promise<void> {
  if (parent.kind === 'customer') await followUpsRepository.syncCustomer(tx, orgId, parent.id);
  else await followUpsRepository.syncLead(tx, orgId, parent.id);
}
