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

/**
 * Similar per domain §4: bigram overlap ≥ the threshold (in percent), or one normalized name
 * (≥ 2 characters) inside the other. The comparison is in integers, 200·shared ≥ p·(|A|+|B|), so
 * it agrees exactly with the SQL pre-filter of the candidate query.
 */
export function isSimilarName(
  a: string,
  b: string,
  percent: number = DEFAULT_NAME_SIMILARITY_PERCENT,
): { similar: boolean; similarity: number } {
  const [gramsA, gramsB] = [nameBigrams(a), nameBigrams(b)];
  const { shared, sizes } = bigramOverlap(gramsA, gramsB);
  const overlapSimilar = sizes > 0 && 200 * shared >= percent * sizes;
  const shorter = [...a].length <= [...b].length ? a : b;
  const longer = shorter === a ? b : a;
  const contains = [...shorter].length >= 2 && longer.includes(shorter);
  const similarity = bigramSimilarity(gramsA, gramsB);
  return { similar: overlapSimilar || contains, similarity: Math.round(similarity * 100) / 100 };
}
