import type { Customer } from '@guanxi/contract';
import { describe, expect, it } from 'vitest';
import {
  fieldAccess,
  fieldFitsKind,
  toCreateBody,
  toFormValues,
  toUpdateBody,
  type EditableField,
} from './customerFields';

const anyField = () => true;

/** A customer as the API answers it, with only the fields these rules read. */
const company = {
  id: '00000000-0000-7000-8000-000000000001',
  version: 3,
  kind: 'company',
  name: '华东机电',
  phone: '021-12345678',
  email: null,
  creditCode: '91350100M000100Y43',
  industry: '制造',
  scale: null,
  website: null,
  gender: null,
  birthday: null,
  tier: 'a',
  source: null,
  tags: ['重点'],
  province: '310000',
  city: '310100',
  district: null,
  address: null,
  remarks: null,
} as unknown as Customer;

describe('which fields a customer has, by kind', () => {
  it('gives a company its company fields and no person fields, and a person the reverse', () => {
    for (const field of ['creditCode', 'industry', 'scale', 'website', 'province', 'district'] as EditableField[]) {
      expect(fieldFitsKind(field, 'company')).toBe(true);
      expect(fieldFitsKind(field, 'person')).toBe(false);
    }
    for (const field of ['gender', 'birthday'] as EditableField[]) {
      expect(fieldFitsKind(field, 'company')).toBe(false);
      expect(fieldFitsKind(field, 'person')).toBe(true);
    }
    for (const field of ['name', 'phone', 'email', 'city', 'address', 'tags', 'tier'] as EditableField[]) {
      expect(fieldFitsKind(field, 'company') && fieldFitsKind(field, 'person')).toBe(true);
    }
  });
});

describe('field access', () => {
  it('follows the role for protected fields and leaves the others editable', () => {
    const permissions = { 'customers.phone': 'hidden', 'customers.remarks': 'read' } as const;
    expect(fieldAccess(permissions, 'phone')).toBe('hidden');
    expect(fieldAccess(permissions, 'remarks')).toBe('read');
    expect(fieldAccess(permissions, 'email')).toBe('edit');
    expect(fieldAccess(permissions, 'name')).toBe('edit');
    expect(fieldAccess({}, 'address')).toBe('edit');
  });
});

describe('the create body', () => {
  it('trims text, upper-cases the credit code, drops empty inputs and duplicate tags', () => {
    const body = toCreateBody(
      {
        kind: 'company',
        name: '  华东机电 ',
        phone: ' 021-12345678 ',
        email: '',
        creditCode: '91350100m000100y43',
        website: '   ',
        tags: [' 重点', '重点', '', '新'],
        stage: 'prospect',
      },
      anyField,
    );
    expect(body).toEqual({
      kind: 'company',
      name: '华东机电',
      stage: 'prospect',
      phone: '021-12345678',
      creditCode: '91350100M000100Y43',
      tags: ['重点', '新'],
    });
  });

  it('leaves out fields of the other kind and fields the user may not edit', () => {
    const body = toCreateBody(
      { kind: 'person', name: '李雷', gender: 'male', industry: '制造', remarks: '老客户' },
      (field) => field !== 'remarks',
    );
    expect(body).toEqual({ kind: 'person', name: '李雷', gender: 'male' });
  });
});

describe('the update body', () => {
  it('sends the version and only what changed', () => {
    const values = { ...toFormValues(company), phone: '021-87654321', tags: ['重点'] };
    expect(toUpdateBody(values, company, anyField)).toEqual({ version: 3, phone: '021-87654321' });
    expect(toUpdateBody(toFormValues(company), company, anyField)).toEqual({ version: 3 });
  });

  it('never sends back a field the user may not edit, even when the form holds another value', () => {
    const values = { ...toFormValues(company), phone: '13812345678' };
    expect(toUpdateBody(values, company, (field) => field !== 'phone')).toEqual({ version: 3 });
  });

  it('clears the company fields when a company becomes a person', () => {
    const values = { ...toFormValues(company), kind: 'person' as const };
    expect(toUpdateBody(values, company, anyField)).toEqual({
      version: 3,
      kind: 'person',
      creditCode: null,
      industry: null,
      province: null,
    });
  });
});
