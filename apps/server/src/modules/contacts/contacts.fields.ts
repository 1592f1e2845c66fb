import { customerFieldAccess, type Contact } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { ContactRow } from './contacts.repository.js';
import { iso } from '../../platform/db/row-values.js';
import { visibleCustomFieldValues } from '../custom-fields/index.js';

/**
 * Contact fields guarded by the customer field permissions: a role that may not see customers'
 * phones may not see contacts' mobiles or WeChat ids either.
 */
const GUARDED_BY: Record<string, string> = { mobile: 'phone', wechat: 'phone', email: 'email', remarks: 'remarks' };

export const contactFieldAccess = (actor: Pick<Actor, 'fieldPermissions'>, field: string) =>
  GUARDED_BY[field] ? customerFieldAccess(actor.fieldPermissions, GUARDED_BY[field]) : 'edit';

/** API shape of a row; hidden fields are left out entirely (security A9). */
export function toContact(row: ContactRow, actor: Pick<Actor, 'fieldPermissions'>): Contact {
  // The row holds exactly the API fields (see the repository); gender only stores values the contract admitted.
  const contact = {
    ...row,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    deletedAt: iso(row.deletedAt),
    customFields: visibleCustomFieldValues(actor.fieldPermissions, 'contact', row.customFields),
  } as Contact;
  for (const field of Object.keys(GUARDED_BY)) {
    if (contactFieldAccess(actor, field) === 'hidden') delete contact[field as keyof Contact];
  }
  return contact;
}

/** A write may only touch fields the caller may edit; anything else is rejected, nothing written. */
export function assertWritableContactFields(actor: Pick<Actor, 'fieldPermissions'>, body: object): void {
  const readOnly = Object.keys(body).filter((field) => contactFieldAccess(actor, field) !== 'edit');
  if (readOnly.length > 0) {
    throw new AppError('validation', 'error.validation', {
      fields: readOnly.map((field) => ({ field, key: 'validation.readOnly' as const })),
    });
  }
}
