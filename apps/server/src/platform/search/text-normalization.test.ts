import { describe, expect, it } from 'vitest';
import { nameBigrams, normalizeEmail, normalizeName, normalizePhone } from './text-normalization.js';

describe('text normalization for matching (domain §4)', () => {
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

  it('turns phones into their E.164 form, whichever way the country code is written', () => {
    expect(normalizePhone('+86 139-1234-5678').e164).toBe('+8613912345678');
    expect(normalizePhone('0086 13912345678').e164).toBe('+8613912345678');
    expect(normalizePhone('８６１３９１２３４５６７８').e164).toBe('+8613912345678');
    expect(normalizePhone('021-6666 8888').e164).toBe('+862166668888');
  });

  it('gives one landline written three ways one key, and splits off its extension', () => {
    for (const phone of ['+86 21 6666 8888', '021-6666 8888', '0086-21-66668888']) {
      expect(normalizePhone(phone)).toEqual({ e164: '+862166668888', extension: null });
    }
    expect(normalizePhone('021-6666 8888转8001')).toEqual({ e164: '+862166668888', extension: '8001' });
    expect(normalizePhone('021-6666 8888-8001')).toEqual({ e164: '+862166668888', extension: '8001' });
  });

  it('has no key for what is no valid number', () => {
    expect(normalizePhone('12345')).toEqual({ e164: null, extension: null });
    expect(normalizePhone(null)).toEqual({ e164: null, extension: null });
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
});
