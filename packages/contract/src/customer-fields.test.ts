import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_PROTECTED_FIELDS,
  CUSTOMER_WRITABLE_FIELDS,
  customerFieldAccess,
  customerFieldFitsKind,
  customerFieldPermission,
} from './customers.js';
import { LEAD_FIELD_GUARDS, LEAD_PROTECTED_FIELDS, LEAD_WRITABLE_FIELDS } from './leads.js';
import { FieldPermissions, PROTECTED_FIELDS } from './vocabulary.js';

describe('customer and lead field lists', () => {
  it('keeps company-only fields off a person and person-only fields off a company', () => {
    expect(customerFieldFitsKind('creditCode', 'company')).toBe(true);
    expect(customerFieldFitsKind('creditCode', 'person')).toBe(false);
    expect(customerFieldFitsKind('birthday', 'person')).toBe(true);
    expect(customerFieldFitsKind('birthday', 'company')).toBe(false);
    expect(customerFieldFitsKind('city', 'person')).toBe(true);
  });

  it('guards exactly the protected fields; a role without a setting may edit them', () => {
    expect(CUSTOMER_PROTECTED_FIELDS).toEqual(['phone', 'email', 'address', 'remarks']);
    expect(CUSTOMER_PROTECTED_FIELDS.every((field) => CUSTOMER_WRITABLE_FIELDS.includes(field))).toBe(true);
    expect(customerFieldPermission('phone')).toBe('customers.phone');
    expect(customerFieldPermission('name')).toBeUndefined();
    expect(customerFieldAccess({ 'customers.phone': 'hidden' }, 'phone')).toBe('hidden');
    expect(customerFieldAccess({ 'customers.phone': 'hidden' }, 'email')).toBe('edit');
    expect(customerFieldAccess({ 'customers.phone': 'hidden' }, 'name')).toBe('edit');
  });

  it('accepts a permission for every protected field in a role, and nothing else', () => {
    expect(Object.keys(FieldPermissions.properties).sort()).toEqual([...PROTECTED_FIELDS].sort());
    expect(Value.Check(FieldPermissions, { 'customers.phone': 'hidden' })).toBe(true);
    expect(Value.Check(FieldPermissions, { 'customers.name': 'hidden' })).toBe(false);
  });

  it('guards a lead field by the customer permission of its kind, and only writable fields', () => {
    expect(LEAD_PROTECTED_FIELDS).toEqual(['mobile', 'phone', 'wechat', 'email', 'remarks']);
    expect(LEAD_PROTECTED_FIELDS.every((field) => LEAD_WRITABLE_FIELDS.includes(field))).toBe(true);
    expect(Object.values(LEAD_FIELD_GUARDS).every((guard) => CUSTOMER_PROTECTED_FIELDS.includes(guard))).toBe(true);
  });
});
