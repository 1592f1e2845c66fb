import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { setPrimaryAudited } from './contacts.primary.js';
import { contactsRepository } from './contacts.repository.js';

/**
 * Which of the contacts an import is about to create are their customer's primary contact, by the
 * rule of a hand-made one: a customer without a primary gets its first new contact; a row marked
 * primary (the last such row of a customer wins) takes over and the old primary is cleared, audited,
 * in this transaction. The importer holds the customers' row locks (checked writable before).
 */
export async function primariesForImportedContacts(
  tx: Executor,
  actor: Actor,
  created: readonly { id: string; customerId: string; wantsPrimary: boolean }[],
): Promise<Set<string>> {
  const byCustomer = new Map<string, { id: string; wantsPrimary: boolean }[]>();
  for (const contact of created) {
    const list = byCustomer.get(contact.customerId) ?? [];
    list.push(contact);
    byCustomer.set(contact.customerId, list);
  }
  const primaries = new Set<string>();
  for (const [customerId, contacts] of byCustomer) {
    const wanted = contacts.filter((contact) => contact.wantsPrimary).at(-1);
    const current = await contactsRepository.getPrimaryId(tx, actor.orgId, customerId);
    if (wanted) {
      if (current !== null) await setPrimaryAudited(tx, actor, current, false);
      primaries.add(wanted.id);
    } else if (current === null) primaries.add(contacts[0]!.id);
  }
  return primaries;
}

/**
 * An imported row marks an existing contact as its customer's primary: the old primary is cleared
 * and this one set, both audited. A row saying "not primary" changes nothing — a customer keeps
 * exactly one primary, chosen by marking another.
 */
export async function makeImportedContactPrimary(
  tx: Executor,
  actor: Actor,
  contact: { id: string; customerId: string },
): Promise<void> {
  const current = await contactsRepository.getPrimaryId(tx, actor.orgId, contact.customerId);
  if (current === contact.id) return;
  if (current !== null) await setPrimaryAudited(tx, actor, current, false);
  await setPrimaryAudited(tx, actor, contact.id, true);
}
