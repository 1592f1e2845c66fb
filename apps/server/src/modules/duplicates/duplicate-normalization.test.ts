import { describe, expect, it } from 'vitest';
import {
  bigramSimilarity,
  isSimilarName,
  nameBigrams,
  normalizeEmail,
  normalizeName,
  normalizePhone,
} from './duplicate-normalization.js';

describe('duplicate-check normalization (domain §4)', () => {
  it('strips Chinese company suffixes, punctuation and spaces', () => {
    expect(normalizeName(' 北京华为科技有限公司 ')).toBe('北京华为科技');
    expect(normalizeName('华为科技（北京）有限公司')).toBe('华为科技北京');
    expect(normalizeName('华为技术(集团)股份有限公司')).toBe('华为技术');
    expect(normalizeName('上海某某有限责任公司')).toBe('上海某某');
    expect(normalizeName('阿里巴巴集团')).toBe('阿里巴巴');
  });

  it('keeps a branch suffix, since a branch is a company of its own', () => {
    expect(normalizeName('华为技术有限公司深圳分公司')).toBe('华为技术有限公司深圳分公司');
  });

  it('folds full-width letters and digits, lower-cases and strips Latin legal forms', () => {
    expect(normalizeName('ＡＣＭＥ　Ｃｏ．，Ｌｔｄ．')).toBe('acme');
    expect(normalizeName('Acme Trading Co., Ltd.')).toBe('acmetrading');
    expect(normalizeName('Acme, Inc.')).toBe('acme');
    expect(normalizeName('Cisco Systems')).toBe('ciscosystems');
  });

  it('never strips a name down to nothing', () => {
    expect(normalizeName('公司')).toBe('公司');
    expect(normalizeName('Co.')).toBe('co');
  });

  it('turns phones into digits and drops the +86 country code', () => {
    expect(normalizePhone('+86 139-1234-5678')).toBe('13912345678');
    expect(normalizePhone('0086 13912345678')).toBe('13912345678');
    expect(normalizePhone('８６１３９１２３４５６７８')).toBe('13912345678');
    expect(normalizePhone('021-6666 8888')).toBe('02166668888');
  });

  it('compares emails case- and width-insensitively', () => {
    expect(normalizeEmail(' Sales@Example.CN ')).toBe('sales@example.cn');
    expect(normalizeEmail('ｓａｌｅｓ＠example.cn')).toBe('sales@example.cn');
  });

  it('builds character bigrams, one token for a one-character name', () => {
    expect(nameBigrams('华为科技')).toEqual(['华为', '为科', '科技']);
    expect(nameBigrams('华')).toEqual(['华']);
    expect(nameBigrams('')).toEqual([]);
  });

  it('rates the same company written two ways as similar, after suffix stripping', () => {
    const a = normalizeName('北京华为科技有限公司');
    const b = normalizeName('华为科技(北京)有限公司');
    expect(bigramSimilarity(nameBigrams(a), nameBigrams(b))).toBeCloseTo(0.8);
    expect(isSimilarName(a, b)).toEqual({ similar: true, similarity: 0.8 });
  });

  it('treats one name inside the other as similar even with low overlap', () => {
    const result = isSimilarName(normalizeName('华为'), normalizeName('华为技术有限公司'));
    expect(result.similar).toBe(true);
    expect(result.similarity).toBeLessThan(0.6);
  });

  it('does not flag unrelated names, nor a single shared character', () => {
    expect(isSimilarName(normalizeName('北京华为科技有限公司'), normalizeName('上海贝尔通信有限公司')).similar).toBe(
      false,
    );
    expect(isSimilarName('华', '中华书局').similar).toBe(false);
    expect(isSimilarName(normalizeName('苏州电子'), normalizeName('无锡电子')).similar).toBe(false);
  });
});
