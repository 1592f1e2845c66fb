import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.js';
import { lockWritableCustomer } from '../customers/index.js';
import { contactsRepository, type ContactRow } from './contacts.repository.js';

/**
 * Linking a contact to a customer is a write on that customer: it needs the edit right and the
 * customer inside the caller's scope (security A5). Locks the customer row for the transaction.
 */
export async function lockEditableCustomer(tx: Executor, actor: Actor, customerId: string): Promise<void> {
  if (!actor.permissions.has('customers.edit')) throw forbidden();
  const customer = await lockWritableCustomer(tx, actor, customerId);
  if (!customer || customer.deletedAt !== null) {
    throw new AppError('validation', 'error.unknownCustomer', {
      fields: [{ field: 'customerId', key: 'validation.invalid' }],
    });
  }
}

/**
 * Locks a visible contact and its customer, customer first (the order every contact write uses,
 * so concurrent writers cannot deadlock). Out of scope or unknown → 404.
 */
export async function lockContact(
  tx: Executor,
  actor: Actor,
  id: string,
  options: { deleted: boolean; alsoCustomerId?: string | undefined },
): Promise<ContactRow> {
  const peek = await contactsRepository.getById(tx, actor, id, { includeDeleted: true });
  if (!peek || (peek.deletedAt !== null) !== options.deleted) throw notFound('entity.contact');
  const moving = options.alsoCustomerId !== undefined && options.alsoCustomerId !== peek.customerId;
  const customerIds = moving ? [peek.customerId, options.alsoCustomerId!].sort() : [peek.customerId];
  for (const customerId of customerIds) {
    // Moving a contact rewrites the link on both customers: edit rights on both (security A5).
    if (moving) await lockEditableCustomer(tx, actor, customerId);
    else await lockWritableCustomer(tx, actor, customerId);
  }
  const contact = await contactsRepository.lockById(tx, actor, id);
  // Moved or deleted by someone else between the look and the lock.
  if (!contact || contact.customerId !== peek.customerId || (contact.deletedAt !== null) !== options.deleted)
    throw notFound('entity.contact');
  return contact;
}
