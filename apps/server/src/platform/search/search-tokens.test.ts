import { describe, expect, it } from 'vitest';
import {
  buildSearchLexemes,
  buildSearchQuery,
  normalizeText,
  phoneSearchDigits,
  toTsvectorLiteral,
} from './search-tokens.js';

const all = { phone: true, email: true };

describe('search lexemes', () => {
  const lexemes = buildSearchLexemes({
    texts: ['北京华为科技有限公司', 'KH000001'],
    phones: ['+86 138-1234-5678'],
    emails: ['Li.Ming@HuaWei.com'],
  });

  it('holds Chinese unigrams, bigrams and words', () => {
    expect(lexemes).toEqual(expect.arrayContaining(['华', '为', '华为', '北京', '有限公司']));
  });

  it('holds pinyin and initials of every word suffix', () => {
    expect(lexemes).toEqual(expect.arrayContaining(['huaweikejiyouxiangongsi', 'hwkjyxgs', 'bjhwkjyxgs']));
  });

  it('holds phone digits forwards and reversed without the +86 country code', () => {
    expect(lexemes).toEqual(expect.arrayContaining(['p:13812345678', 'r:87654321831']));
  });

  it('holds a landline by its national digits with and without the trunk 0, whatever prefix was typed', () => {
    const landline = buildSearchLexemes({ texts: [], phones: ['+86 21 6666 8888'] });
    expect(landline).toEqual(
      expect.arrayContaining(['p:2166668888', 'p:02166668888', 'r:8888666612', 'r:88886666120']),
    );
    expect(buildSearchLexemes({ texts: [], phones: ['0086-21-66668888'] }).sort()).toEqual([...landline].sort());
  });

  it('keeps email parts in their own namespace, lower-cased', () => {
    expect(lexemes).toEqual(expect.arrayContaining(['m:li.ming@huawei.com', 'm:huawei']));
    expect(lexemes).not.toContain('li.ming@huawei.com');
  });

  it('folds full-width characters', () => {
    expect(normalizeText('ＡＢＣ１２３')).toBe('abc123');
    expect(phoneSearchDigits('１３８ ００１３ ８０００')).toEqual(['13800138000']);
  });
});

describe('search queries', () => {
  it('matches 1–2 Chinese characters exactly and longer runs by all their bigrams', () => {
    expect(buildSearchQuery('华', all)).toBe("'华'");
    expect(buildSearchQuery('华为', all)).toBe("'华为'");
    expect(buildSearchQuery('华为科技', all)).toBe("'华为' & '为科' & '科技'");
  });

  it('prefix-matches Latin terms and offers phone lexemes for digits only when phones are visible', () => {
    expect(buildSearchQuery('5678', all)).toContain("'r:8765':*");
    expect(buildSearchQuery('5678', { phone: false, email: false })).toBe("'5678':*");
  });

  it('quotes lexemes so that user text cannot change the query', () => {
    const query = buildSearchQuery("a' | b", all)!;
    expect(query).not.toMatch(/'a' \| /);
    expect(toTsvectorLiteral(["it's"])).toBe("'it''s'");
  });

  it('returns null when nothing searchable is left', () => {
    expect(buildSearchQuery('!!! ???', all)).toBeNull();
  });
});
