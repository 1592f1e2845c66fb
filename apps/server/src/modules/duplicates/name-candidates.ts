/**
 * Which stored names can be similar to a given one (domain §4), so that the check reads a few
 * index entries instead of every customer sharing a common bigram. Pure; the repository turns a
 * plan into SQL. Correct for any bigram frequencies: frequencies only decide which of the
 * equally valid plans is cheapest.
 */

/** Candidate names whose bigram overlap (Sørensen–Dice) can reach the threshold. */
export interface OverlapPlan {
  /** Every bigram of the name (distinct). */
  bigrams: string[];
  /**
   * The bigrams to look up, rarest first, each with how many rows to read at most. A candidate
   * shares at least one of them (prefix filtering).
   */
  probe: { bigram: string; limit: number }[];
  /** False when a common probe bigram had more estimated rows than the budget left for it. */
  complete: boolean;
  /** Bounds on the candidate's number of distinct bigrams. */
  minSize: number;
  maxSize: number;
  percent: number;
}

/** Rows the overlap probe reads at most (bench W10: each is a heap visit inside the create). */
export const PROBE_ROW_BUDGET = 1000;

/**
 * With |A| = a, |B| = b and s shared bigrams, 200·s ≥ p·(a+b) and s ≤ min(a, b) give
 * s ≥ p·a / (200 − p) =: m and a·p/(200−p) ≤ b ≤ a·(200−p)/p. A candidate sharing m of A's
 * bigrams shares at least one of any a − m + 1 of them (prefix filtering), so probing the rarest
 * a − m + 1 finds every candidate. `estimatedRows` (from planner statistics) spends the row
 * budget rarest first: rare bigrams are read in full, and only names that share nothing but
 * very common bigrams (上海, 销售) with the checked one can be left out — then `complete` is false.
 */
export function overlapPlan(
  bigrams: readonly string[],
  percent: number,
  estimatedRows: (bigram: string) => number,
  budget = PROBE_ROW_BUDGET,
): OverlapPlan | null {
  const distinct = [...new Set(bigrams)];
  const a = distinct.length;
  if (a === 0) return null;
  const minShared = Math.max(1, Math.ceil((percent * a) / (200 - percent)));
  const byRarity = [...distinct].sort((x, y) => estimatedRows(x) - estimatedRows(y) || (x < y ? -1 : x > y ? 1 : 0));
  const probe: { bigram: string; limit: number }[] = [];
  let remaining = budget;
  let complete = true;
  for (const bigram of byRarity.slice(0, a - minShared + 1)) {
    if (remaining <= 0) {
      complete = false;
      break;
    }
    const estimate = Math.max(0, Math.ceil(estimatedRows(bigram)));
    probe.push({ bigram, limit: remaining });
    if (estimate > remaining) complete = false;
    remaining -= Math.min(estimate, remaining);
  }
  return {
    bigrams: distinct,
    probe,
    complete,
    minSize: minShared,
    maxSize: Math.floor((a * (200 - percent)) / percent),
    percent,
  };
}

/**
 * Names the given one contains that count as similar (domain §4: one name inside the other, the
 * shorter at least two characters): every substring of two or more characters. Names are short
 * (≤ 200 characters, mostly under 20), so this stays a small list for an index lookup.
 */
export function containedNames(normalized: string, limit = 2000): string[] {
  const chars = [...normalized];
  const out = new Set<string>();
  for (let length = chars.length; length >= 2; length--) {
    for (let start = 0; start + length <= chars.length; start++) {
      out.add(chars.slice(start, start + length).join(''));
      if (out.size >= limit) return [...out];
    }
  }
  return [...out];
}
