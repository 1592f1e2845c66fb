import { describe, expect, it } from 'vitest';
import { customerDerivedValues, numberedDerivedValues, unnumberedDerivedValues } from './customers.values.js';

/** The lexemes of a tsvector literal (`'a' 'b'`), as a set: the database dedups and sorts them. */
const lexemes = (literal: string) => new Set(literal.match(/'(?:[^']|'')*'/g) ?? []);

describe('customer columns derived ahead of numbering (imports)', () => {
  it('give the same search tokens and keys as deriving them with the number', () => {
    const customers = [
      { name: '上海明达贸易有限公司', phone: '021-6666 8888 转8001', email: 'Buyer@MingDa.cn', tags: ['华东', 'VIP'] },
      { name: 'Acme Trading', phone: '+86 138 0013 8000', creditCode: '91310000MA1FL8XQ30' },
      { name: '张伟' },
    ];
    for (const customer of customers) {
      const customerNo = 'C000123';
      const direct = customerDerivedValues({ ...customer, customerNo });
      const ahead = numberedDerivedValues(unnumberedDerivedValues(customer), customerNo);
      expect({ ...ahead, searchTokens: lexemes(ahead.searchTokens) }).toEqual({
        ...direct,
        searchTokens: lexemes(direct.searchTokens),
      });
      expect(lexemes(ahead.searchTokens)).toContain("'c000123'");
    }
  });
});
