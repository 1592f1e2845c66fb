import { CUSTOMER_PROTECTED_FIELDS, customerFieldAccess, type Customer } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { visibleCustomFieldValues } from '../custom-fields/index.js';
import type { CustomerRow } from './customers.repository.js';
import { iso } from '../../platform/db/row-values.js';
import { DAY_MS } from '../../platform/time/index.js';

/** How a role may treat a customer field, by its API name; unprotected fields are editable. */
export const fieldAccess = customerFieldAccess;

/** Whole days elapsed since `at` (0 when in the future, e.g. clock skew): the list filter's meaning too. */
function daysSince(at: Date): number {
  return Math.max(0, Math.floor((Date.now() - at.getTime()) / DAY_MS));
}

/** API shape of a row; hidden fields are left out entirely (security A9). */
export function toCustomer(row: CustomerRow, actor: Pick<Actor, 'fieldPermissions'>): Customer {
  // The row holds exactly the API fields (customerColumns); kind, stage and the other vocabulary
  // columns are typed as plain strings by the schema but only ever store values the contract admitted.
  const customer = {
    ...row,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    deletedAt: iso(row.deletedAt),
    stageEnteredAt: iso(row.stageEnteredAt)!,
    daysInStage: daysSince(row.stageEnteredAt),
    lastFollowUpAt: iso(row.lastFollowUpAt),
    nextContactAt: iso(row.nextContactAt),
    daysWithoutFollowUp: daysSince(row.lastFollowUpAt ?? row.createdAt),
    customFields: visibleCustomFieldValues(actor.fieldPermissions, 'customer', row.customFields),
  } as Customer;
  for (const field of CUSTOMER_PROTECTED_FIELDS) {
    if (fieldAccess(actor.fieldPermissions, field) === 'hidden') delete customer[field];
  }
  return customer;
}

/** A write may only touch fields the caller may edit; anything else is rejected, nothing written. */
export function assertWritableFields(actor: Pick<Actor, 'fieldPermissions'>, body: object): void {
  const readOnly = Object.keys(body).filter((field) => fieldAccess(actor.fieldPermissions, field) !== 'edit');
  if (readOnly.length > 0) {
    throw new AppError('validation', 'error.validation', {
      fields: readOnly.map((field) => ({ field, key: 'validation.readOnly' as const })),
    });
  }
}
