import { nameBigrams } from '../../platform/search/text-normalization.js';

/** Distinct bigrams two names share, and the sum of their distinct bigram counts. */
function bigramOverlap(a: readonly string[], b: readonly string[]): { shared: number; sizes: number } {
  const setA = new Set(a);
  const setB = new Set(b);
  let shared = 0;
  for (const token of setB) if (setA.has(token)) shared++;
  return { shared, sizes: setA.size + setB.size };
}

/** Sørensen–Dice coefficient of two bigram sets: 2·|A∩B| / (|A|+|B|). */
export function bigramSimilarity(a: readonly string[], b: readonly string[]): number {
  const { shared, sizes } = bigramOverlap(a, b);
  return a.length === 0 || b.length === 0 ? 0 : (2 * shared) / sizes;
}

/** Domain §4 default; organizations set their own (duplicate settings, 30–100 %). */
export const DEFAULT_NAME_SIMILARITY_PERCENT = 60;

/** A normalized name with its distinct bigrams, computed once for many comparisons. */
export interface NameGrams {
  normalized: string;
  bigrams: readonly string[];
}

/**
 * Similar per domain §4: bigram overlap ≥ the threshold (in percent), or one normalized name
 * (≥ 2 characters) inside the other. The comparison is in integers, 200·shared ≥ p·(|A|+|B|), so
 * it agrees exactly with the SQL pre-filter of the candidate query.
 */
export function isSimilarGrams(
  a: NameGrams,
  b: NameGrams,
  percent: number = DEFAULT_NAME_SIMILARITY_PERCENT,
): { similar: boolean; similarity: number } {
  const { shared, sizes } = bigramOverlap(a.bigrams, b.bigrams);
  const overlapSimilar = sizes > 0 && 200 * shared >= percent * sizes;
  const shorter = [...a.normalized].length <= [...b.normalized].length ? a.normalized : b.normalized;
  const longer = shorter === a.normalized ? b.normalized : a.normalized;
  const contains = [...shorter].length >= 2 && longer.includes(shorter);
  const similarity = a.bigrams.length === 0 || b.bigrams.length === 0 ? 0 : (2 * shared) / sizes;
  return { similar: overlapSimilar || contains, similarity: Math.round(similarity * 100) / 100 };
}

/** {@link isSimilarGrams} of two normalized names. */
export function isSimilarName(
  a: string,
  b: string,
  percent: number = DEFAULT_NAME_SIMILARITY_PERCENT,
): { similar: boolean; similarity: number } {
  return isSimilarGrams(
    { normalized: a, bigrams: nameBigrams(a) },
    { normalized: b, bigrams: nameBigrams(b) },
    percent,
  );
}
