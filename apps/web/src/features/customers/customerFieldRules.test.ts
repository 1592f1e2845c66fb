import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { customerFieldRules } from './customerFieldRules';

// The message keys stand in for the translations.
const t = ((key: string) => key) as unknown as TFunction;

/** What the field's pattern rule says about a value: its message when the value fails, else null. */
function patternVerdict(
  rules: ReturnType<typeof customerFieldRules>,
  field: 'phone' | 'creditCode' | 'website',
  value: string,
) {
  const rule = rules[field]?.[0];
  if (!rule || typeof rule === 'function' || !(rule.pattern instanceof RegExp))
    throw new Error(`${field} has no pattern`);
  return rule.pattern.test(value) ? null : rule.message;
}

/** What the field's phone rule (a validator using the contract's phone rule) says about a value. */
async function phoneVerdict(rules: ReturnType<typeof customerFieldRules>, value: string) {
  const rule = rules.phone?.[0];
  if (!rule || typeof rule === 'function' || !rule.validator) throw new Error('phone has no validator');
  try {
    await rule.validator({}, value, () => undefined);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('customer form rules', () => {
  const company = customerFieldRules(t, 'company');
  const person = customerFieldRules(t, 'person');

  it('requires a name that is more than spaces', () => {
    expect(company.name).toEqual([{ required: true, whitespace: true, message: 'customer.nameRequired' }]);
    expect(person.name).toEqual(company.name);
  });

  it('takes any phone number for a company and only a mobile number for a person', async () => {
    expect(await phoneVerdict(company, '010-62345678')).toBeNull();
    expect(await phoneVerdict(company, '13812345678')).toBeNull();
    expect(await phoneVerdict(company, 'call me')).toBe('customer.phoneInvalid');
    expect(await phoneVerdict(person, '13812345678')).toBeNull();
    expect(await phoneVerdict(person, '010-62345678')).toBe('customer.mobileInvalid');
    expect(await phoneVerdict(person, '1381234567')).toBe('customer.mobileInvalid');
  });

  it('takes every spelling the server takes: country codes, spaces, extensions', async () => {
    expect(await phoneVerdict(person, '+86 138 0013 8000')).toBeNull();
    expect(await phoneVerdict(company, '+86 21 6666 8888')).toBeNull();
    expect(await phoneVerdict(company, '021-6666 8888 转8001')).toBeNull();
    expect(await phoneVerdict(company, '')).toBeNull();
  });

  it('checks an email address by type', () => {
    expect(company.email).toEqual([{ type: 'email', message: 'customer.emailInvalid' }]);
  });

  it('takes an 18-character unified social credit code in either case, without I, O, S, V or Z', () => {
    expect(patternVerdict(company, 'creditCode', '91350100M000100Y43')).toBeNull();
    expect(patternVerdict(company, 'creditCode', '91350100m000100y43')).toBeNull();
    expect(patternVerdict(company, 'creditCode', '91350100M000100Y4')).toBe('customer.creditCodeInvalid');
    expect(patternVerdict(company, 'creditCode', '91350100M000100O43')).toBe('customer.creditCodeInvalid');
    expect(patternVerdict(company, 'creditCode', 'AB350100M000100Y43')).toBeNull();
    expect(patternVerdict(company, 'creditCode', '9135010AM000100Y43')).toBe('customer.creditCodeInvalid');
  });

  it('takes a website with or without its scheme, and nothing with spaces', () => {
    expect(patternVerdict(company, 'website', 'https://example.cn/about')).toBeNull();
    expect(patternVerdict(company, 'website', 'example.cn')).toBeNull();
    expect(patternVerdict(company, 'website', 'example .cn')).toBe('customer.websiteInvalid');
    expect(patternVerdict(company, 'website', '.example.cn')).toBe('customer.websiteInvalid');
  });
});
