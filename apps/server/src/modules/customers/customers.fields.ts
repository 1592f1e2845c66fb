import type { Customer, FieldAccess, FieldPermissions, ProtectedField } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { CustomerRow } from './customers.repository.js';
import { iso } from '../../platform/db/row-values.js';

/** Customer fields a role may hide or make read-only, keyed by their API name. */
const PROTECTED: Record<string, ProtectedField> = {
  phone: 'customers.phone',
  email: 'customers.email',
  address: 'customers.address',
  remarks: 'customers.remarks',
};

export const fieldAccess = (fieldPermissions: FieldPermissions, field: string): FieldAccess => {
  const key = PROTECTED[field];
  return key ? (fieldPermissions[key] ?? 'edit') : 'edit';
};

/** API shape of a row; hidden fields are left out entirely (security A9). */
export function toCustomer(row: CustomerRow, actor: Pick<Actor, 'fieldPermissions'>): Customer {
  const customer: Customer = {
    id: row.id,
    customerNo: row.customerNo,
    kind: row.kind as Customer['kind'],
    name: row.name,
    phone: row.phone,
    email: row.email,
    creditCode: row.creditCode,
    industry: row.industry,
    scale: row.scale as Customer['scale'],
    website: row.website,
    gender: row.gender as Customer['gender'],
    birthday: row.birthday,
    tier: row.tier as Customer['tier'],
    source: row.source as Customer['source'],
    stage: row.stage as Customer['stage'],
    tags: row.tags,
    province: row.province,
    city: row.city,
    district: row.district,
    regionCode: row.regionCode,
    address: row.address,
    remarks: row.remarks,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    deletedAt: iso(row.deletedAt),
    version: row.version,
  };
  for (const field of Object.keys(PROTECTED)) {
    if (fieldAccess(actor.fieldPermissions, field) === 'hidden') delete customer[field as keyof Customer];
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
