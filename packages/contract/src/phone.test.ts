import { describe, expect, it } from 'vitest';
import { isValidMobile, isValidPhone, parsePhone, phoneKey } from './phone.js';

describe('parsePhone', () => {
  it('gives one key to three spellings of one landline', () => {
    const keys = ['+86 21 6666 8888', '021-6666 8888', '0086-21-66668888', '(021) 66668888'].map(phoneKey);
    expect(new Set(keys)).toEqual(new Set(['+862166668888']));
  });

  it('cleans a mobile typed with a country code instead of rejecting it', () => {
    expect(parsePhone('+86 138 0013 8000')).toMatchObject({
      e164: '+8613800138000',
      kind: 'mobile',
      extension: null,
      searchDigits: ['13800138000'],
    });
    expect(phoneKey('8613800138000')).toBe('+8613800138000');
    expect(phoneKey('138-0013-8000')).toBe('+8613800138000');
  });

  it('splits an extension off a landline', () => {
    for (const typed of [
      '021-6666 8888 转8001',
      '021-6666 8888转8001',
      '021-6666 8888-8001',
      '02166668888 ext 8001',
      '021 6666 8888 #8001',
    ]) {
      expect(parsePhone(typed), typed).toMatchObject({ e164: '+862166668888', extension: '8001', kind: 'landline' });
    }
  });

  it('reads full-width digits and brackets', () => {
    expect(phoneKey('１３８ ００１３ ８０００')).toBe('+8613800138000');
    expect(phoneKey('（０２１）６６６６８８８８')).toBe('+862166668888');
  });

  it('searches a landline by its digits with and without the trunk 0', () => {
    expect(parsePhone('+86 21 6666 8888')?.searchDigits).toEqual(['2166668888', '02166668888']);
  });

  it('accepts a valid international number', () => {
    expect(parsePhone('+1 650 253 0000')).toMatchObject({ e164: '+16502530000', country: 'US' });
  });

  it('rejects what is no valid number', () => {
    for (const typed of [
      '',
      '12345678901',
      '021-1234',
      'call 13800138000',
      '13800138000abc',
      '138 0013 8000 转8001',
      'abc',
    ]) {
      expect(parsePhone(typed), typed).toBeNull();
    }
  });

  it('tells mobiles from landlines', () => {
    expect(isValidMobile('+86 138 0013 8000')).toBe(true);
    expect(isValidMobile('021-6666 8888')).toBe(false);
    expect(isValidPhone('021-6666 8888')).toBe(true);
  });

  it('answers a number read again (an import reads each one several times) the same, and the answer cannot be changed', () => {
    const first = parsePhone('021-6666 8888 转8001');
    const again = parsePhone('021-6666 8888 转8001');
    expect(again).toEqual(first);
    expect(() => {
      (again as { e164: string }).e164 = '+8610';
    }).toThrow(TypeError);
    expect(() => again!.searchDigits.push('0')).toThrow(TypeError);
    expect(parsePhone('021-6666 8888 转8001')?.e164).toBe('+862166668888');
    for (let i = 0; i < 3000; i++) parsePhone(`1380013${String(i).padStart(4, '0')}`);
    expect(parsePhone('021-6666 8888 转8001')).toEqual(first);
  });
});
