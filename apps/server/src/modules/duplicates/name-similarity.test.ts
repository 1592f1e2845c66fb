import { describe, expect, it } from 'vitest';
import { nameBigrams, normalizeName } from '../../platform/search/text-normalization.js';
import { bigramSimilarity, isSimilarName } from './name-similarity.js';

describe('name similarity for the duplicate check (domain §4)', () => {
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
