import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckCharacter,
  isValidCreditCode,
  normalizeCreditCode,
} from './credit-code.js';

/** Builds a well-formed code from a 17-character body with our own check character. */
const withCheck = (body: string) => body + creditCodeCheckCharacter(body)!;

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose 18th character is the check character of the first 17', () => {
    for (const body of ['91110108MA01ABCD1', '91310000MA1FL0000', '12100000400000001', '93440300MA5F00000']) {
      const code = withCheck(body);
      expect(code).toHaveLength(18);
      expect(isValidCreditCode(code), code).toBe(true);
    }
  });

  it('accepts real published codes, such as the example of the standard itself', () => {
    for (const code of ['91350100M000100Y43', '91110000802100433B', '914403001922038216'])
      expect(isValidCreditCode(code), code).toBe(true);
  });

  it('has no check character for a body of the wrong length or with a letter outside the set (I, O, Z, S, V)', () => {
    expect(creditCodeCheckCharacter('9111010')).toBeNull();
    expect(creditCodeCheckCharacter('91110108MA01ABCDI')).toBeNull();
    expect(creditCodeCheckCharacter('91110108MA01ABCD1')).not.toBeNull();
  });

  it('computes the published weights 3^i mod 31 (check value 31 becomes 0)', () => {
    // Σ value × weight for 9 then sixteen 0s: 9 × 1 = 9 → 31 − 9 = 22 → 'N' (index 22 of the set).
    expect(creditCodeCheckCharacter('9' + '0'.repeat(16))).toBe(CREDIT_CODE_CHARSET[22]);
    expect(CREDIT_CODE_CHARSET[22]).toBe('N');
    // All zeros: sum 0 → 31 − 0 = 31 → 0.
    expect(creditCodeCheckCharacter('0'.repeat(17))).toBe('0');
    // Position 2 (weight 9) holding 1: 31 − 9 = 22 → 'N'; position 17 (weight 28) holding 1: 31 − 28 = 3.
    expect(creditCodeCheckCharacter('001' + '0'.repeat(14))).toBe('N');
    expect(creditCodeCheckCharacter('0'.repeat(16) + '1')).toBe('3');
  });

  it('rejects a code with a wrong check character, a wrong length or a character outside the set', () => {
    const good = withCheck('91110108MA01ABCD1');
    const wrong = CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(good[17]!) + 1) % 31]!;
    expect(isValidCreditCode(good.slice(0, 17) + wrong)).toBe(false);
    expect(isValidCreditCode(good.slice(0, 17))).toBe(false);
    expect(isValidCreditCode(good + '0')).toBe(false);
    expect(isValidCreditCode('91110108MA01ABCDI' + '0')).toBe(false); // I is not in the set
    expect(isValidCreditCode('91110108MA01ABCDO0')).toBe(false);
    expect(isValidCreditCode(good.toLowerCase())).toBe(false);
  });

  it('any single changed character is detected', () => {
    const body = fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{17}$/);
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }), (b, position, shift) => {
        const code = withCheck(b);
        const changed = CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(code[position]!) + shift) % 31]!;
        const tampered = code.slice(0, position) + changed + code.slice(position + 1);
        return isValidCreditCode(code) && !isValidCreditCode(tampered);
      }),
    );
  });

  it('normalizes full-width characters, lower case and spaces before checking', () => {
    const code = withCheck('91110108MA01ABCD1');
    const fullWidth = [...code.toLowerCase()].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    expect(normalizeCreditCode(` ${fullWidth.slice(0, 6)} ${fullWidth.slice(6)} `)).toBe(code);
  });
});
