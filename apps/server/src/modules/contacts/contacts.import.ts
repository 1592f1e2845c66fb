import { CONTACT_WRITABLE_FIELDS, type CreateContactBody } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { insertValues } from '../../platform/db/shapes.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { duplicateCheck } from '../duplicates/index.js';
import { lockEditableCustomer } from './contacts.access.js';
import { assertWritableContactFields } from './contacts.fields.js';
import { primaryContacts } from './contacts.primary.js';
import { contactsRepository } from './contacts.repository.js';
import { contactDerivedColumns } from './contacts.values.js';

/** A live contact of the customer with this name (trimmed, case-insensitive), if any. */
export const findContactByName = (tx: Executor, orgId: string, customerId: string, name: string) =>
  contactsRepository.findIdByName(tx, orgId, customerId, name);

/**
 * Creates a contact for an import in the caller's transaction, by the rules of a hand-made one: the
 * customer must be editable by the importer (404), field permissions, a non-blank name, the blocking
 * duplicate check on mobile and email, and exactly one primary contact per customer (the first one
 * is). Covered by the import's audit entry.
 */
export async function insertImportedContact(
  tx: Executor,
  actor: Actor,
  body: CreateContactBody & { externalId?: string | null },
): Promise<string> {
  const { externalId, ...fields } = body;
  assertWritableContactFields(actor, fields);
  const name = fields.name.trim();
  if (name === '') throw invalidField('name', 'validation.required');
  await lockEditableCustomer(tx, actor, fields.customerId);
  await duplicateCheck.contactWrite(tx, actor, {
    customerId: fields.customerId,
    name,
    mobile: fields.mobile,
    email: fields.email,
  });
  const id = newId();
  const isPrimary = await primaryContacts.resolveOnJoin(tx, actor, {
    customerId: fields.customerId,
    contactId: id,
    wantsPrimary: fields.isPrimary ?? false,
  });
  const values = {
    orgId: actor.orgId,
    id,
    ...insertValues(CONTACT_WRITABLE_FIELDS, { ...fields, name, isPrimary }, { isDecisionMaker: false }),
    createdBy: actor.userId,
    externalId: externalId ?? null,
  };
  await contactsRepository.insert(tx, { ...values, ...contactDerivedColumns(values) });
  return id;
}
