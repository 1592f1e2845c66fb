import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { contactsRepository } from './contacts.repository.js';

/** Sets or clears a contact's primary flag with its audit entry. */
export async function setPrimaryAudited(tx: Executor, actor: Actor, id: string, isPrimary: boolean): Promise<void> {
  await contactsRepository.setPrimary(tx, actor.orgId, id, isPrimary);
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'contact',
    entityId: id,
    before: { isPrimary: !isPrimary },
    after: { isPrimary },
  });
}

/**
 * Keeps exactly one primary contact per customer that has contacts. Callers hold the customer's
 * row lock, so two writers cannot pick two primaries; the partial unique index backs this up.
 */
export const primaryContacts = {
  /**
   * Whether a contact joining `customerId` (created, moved or restored) is its primary: the first
   * contact always is; a later one only when asked, which clears the old primary in this transaction.
   */
  async resolveOnJoin(
    tx: Executor,
    actor: Actor,
    options: { customerId: string; contactId: string; wantsPrimary: boolean },
  ): Promise<boolean> {
    const current = await contactsRepository.getPrimaryId(tx, actor.orgId, options.customerId, options.contactId);
    if (current === null) return true;
    if (!options.wantsPrimary) return false;
    await setPrimaryAudited(tx, actor, current, false);
    return true;
  },

  /** After the primary leaves a customer (deleted or moved), the earliest remaining contact takes over. */
  async promoteAfterLeave(
    tx: Executor,
    actor: Actor,
    options: { customerId: string; contactId: string },
  ): Promise<void> {
    if (await contactsRepository.getPrimaryId(tx, actor.orgId, options.customerId, options.contactId)) return;
    const next = await contactsRepository.getFirstLiveId(tx, actor.orgId, options.customerId, options.contactId);
    if (next) await setPrimaryAudited(tx, actor, next, true);
  },
};
