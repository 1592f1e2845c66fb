import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameBigrams } from '../../platform/search/text-normalization.js';
import { isSimilarName } from './name-similarity.js';
import { containedNames, overlapPlan } from './name-candidates.js';

/** Short names over a small alphabet, so that similar pairs are common. */
const name = fc
  .array(fc.constantFrom('华', '为', '科', '技', '北', '京', '电', '子'), { minLength: 1, maxLength: 9 })
  .map((c) => c.join(''));

describe('similar-name candidates (domain §4)', () => {
  it('every name similar by bigram overlap shares a probed bigram and lies within the size bounds, for any frequencies', () => {
    fc.assert(
      fc.property(name, name, fc.integer({ min: 30, max: 100 }), fc.func(fc.nat(1000)), (a, b, percent, freq) => {
        const gramsB = new Set(nameBigrams(b));
        const overlapOnly =
          isSimilarName(a, b, percent).similar &&
          !(a.includes(b) && [...b].length >= 2) &&
          !(b.includes(a) && [...a].length >= 2);
        if (!overlapOnly) return;
        const plan = overlapPlan(nameBigrams(a), percent, (g) => freq(g), Number.MAX_SAFE_INTEGER)!;
        expect(plan.complete).toBe(true);
        expect(plan.probe.some(({ bigram }) => gramsB.has(bigram))).toBe(true);
        expect(gramsB.size).toBeGreaterThanOrEqual(plan.minSize);
        expect(gramsB.size).toBeLessThanOrEqual(plan.maxSize);
      }),
      { numRuns: 3000 },
    );
  });

  it('probes the rarest bigrams, as few as the threshold allows', () => {
    const rows = new Map([
      ['电子', 300],
      ['苏州', 200],
    ]);
    const plan = overlapPlan(nameBigrams('苏州恒通精密电子'), 60, (g) => rows.get(g) ?? 0)!;
    // 7 bigrams; a similar name shares at least ceil(60·7/140) = 3, so probing 5 is enough.
    expect(plan.probe.map((p) => p.bigram)).toHaveLength(5);
    expect(plan.probe.map((p) => p.bigram)).not.toContain('电子');
    expect(plan.probe.map((p) => p.bigram)).not.toContain('苏州');
    expect(plan.complete).toBe(true);
    expect([plan.minSize, plan.maxSize]).toEqual([3, 16]);
  });

  it('spends the row budget rarest first and says when a common bigram could not be read in full', () => {
    const rows = new Map([
      ['上海', 29000],
      ['海丰', 700],
      ['丰田', 17000],
      ['田汽', 1200],
      ['汽车', 46000],
      ['车销', 46000],
      ['销售', 46000],
    ]);
    const plan = overlapPlan(nameBigrams('上海丰田汽车销售'), 60, (g) => rows.get(g) ?? 0, 1000)!;
    expect(plan.probe).toEqual([
      { bigram: '海丰', limit: 1000 },
      { bigram: '田汽', limit: 300 },
    ]);
    expect(plan.complete).toBe(false);
  });

  it('lists every part of a name of two or more characters, longest first', () => {
    expect(containedNames('华为科技')).toEqual(['华为科技', '华为科', '为科技', '华为', '为科', '科技']);
    expect(containedNames('华')).toEqual([]);
  });
});
