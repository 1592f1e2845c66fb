import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { nameBigrams, normalizeName } from '../../platform/search/text-normalization.js';
import { canOpenMatch } from './duplicate-matches.js';
import { getNameSimilarityPercent } from './duplicate-settings.js';
import { statisticsOf } from './duplicates.service.js';
import { containedNames, overlapPlan } from './name-candidates.js';
import { isSimilarGrams, type NameGrams } from './name-similarity.js';
import { findCustomersSimilarToNames, type BatchNameInput } from './similar-names.repository.js';

/** A stored customer with a similar name; `name` only when the caller may open the customer. */
export interface SimilarCustomer {
  id: string;
  /** Null when the customer is outside the caller's scope: its existence is all they may learn. */
  name: string | null;
  similarity: number;
}

/**
 * The most customers a probe bigram may be held by (planner statistics) to be probed: a batch of
 * 500 names then reads a bounded number of rows, and names sharing only common bigrams (上海, 贸易)
 * with stored ones are found as whole names inside the row's or not at all — the trade-off the
 * check by hand makes with its row budget. In a file, the most recent names kept per bigram.
 */
const PROBE_ROWS = 100;
/** Customers whose whole name is inside a row's name, read per name. */
const CONTAIN_ROWS = 5;
/** Substrings of a name looked up as stored names (names up to 20 characters give 190). */
const MAX_SUBSTRINGS = 200;

const gramsOf = (name: string): NameGrams => {
  const normalized = normalizeName(name);
  return { normalized, bigrams: nameBigrams(normalized) };
};

/**
 * The most similar stored customer for each of a batch's names (domain §4: bigram overlap at the
 * organization's threshold, or one name inside the other), found with one query for the whole
 * batch — for imports, where a query per row would cost more than the row's insert. Answers the
 * threshold too, so that the caller compares names of its own (rows of a file) by the same rule.
 */
export async function findSimilarCustomersOfNames(
  executor: Executor,
  actor: Actor,
  names: readonly (string | null)[],
): Promise<{ percent: number; matches: (SimilarCustomer | null)[] }> {
  const percent = await getNameSimilarityPercent(executor, actor.orgId);
  const stats = await statisticsOf(executor);
  const estimate = (bigram: string) => (stats.frequencies.get(bigram) ?? stats.minFrequency) * stats.rows;
  // Only bigrams the statistics list as common are left out; an unlisted one is rarer than any listed.
  const isCommon = (bigram: string, rows: number) => (stats.frequencies.get(bigram) ?? 0) * stats.rows > rows;
  const grams = names.map((name) => (name ? gramsOf(name) : null));
  const inputs: BatchNameInput[] = [];
  grams.forEach((gram, i) => {
    if (!gram || gram.bigrams.length === 0) return;
    const plan = overlapPlan(gram.bigrams, percent, estimate, Number.POSITIVE_INFINITY);
    inputs.push({
      i,
      n: gram.normalized,
      g: [...gram.bigrams],
      p: (plan?.probe ?? []).map((probe) => probe.bigram).filter((bigram) => !isCommon(bigram, PROBE_ROWS)),
      s: containedNames(gram.normalized, MAX_SUBSTRINGS),
    });
  });
  const found = await findCustomersSimilarToNames(executor, actor, {
    names: inputs,
    percent,
    containLimit: CONTAIN_ROWS,
  });
  const matches: (SimilarCustomer | null)[] = names.map(() => null);
  for (const row of found) {
    const gram = grams[row.index];
    if (!gram) continue;
    const { similar, similarity } = isSimilarGrams(
      gram,
      { normalized: row.nameNormalized, bigrams: row.nameBigrams },
      percent,
    );
    const best = matches[row.index];
    if (!similar || (best && (best.similarity > similarity || (best.similarity === similarity && best.id < row.id))))
      continue;
    matches[row.index] = {
      id: row.id,
      name: canOpenMatch(actor, 'customer', row.inScope) ? row.name : null,
      similarity,
    };
  }
  return { percent, matches };
}

/**
 * Names seen so far in one file, for the same rule between rows of the file. Probes read the
 * rarest bigrams first and at most {@link PROBE_ROWS} names each, so a file of 100 000 names that
 * all share 上海 stays linear.
 */
export class SimilarNameIndex {
  private readonly byBigram = new Map<string, string[]>();
  private readonly byName = new Map<string, string[]>();
  private readonly grams = new Map<string, NameGrams>();

  add(id: string, name: string): void {
    const gram = gramsOf(name);
    if (gram.bigrams.length === 0) return;
    this.grams.set(id, gram);
    for (const bigram of gram.bigrams) pushRecent(this.byBigram, bigram, id, PROBE_ROWS);
    pushRecent(this.byName, gram.normalized, id, CONTAIN_ROWS);
  }

  /** The most similar name added before, among ids `isLive` accepts (rolled-back rows are not). */
  findSimilar(
    name: string,
    percent: number,
    isLive: (id: string) => boolean,
  ): { id: string; similarity: number } | null {
    const gram = gramsOf(name);
    if (gram.bigrams.length === 0) return null;
    const candidates = new Set<string>();
    for (const part of containedNames(gram.normalized, MAX_SUBSTRINGS))
      for (const id of this.byName.get(part) ?? []) candidates.add(id);
    // Prefix filtering as in the stored check: a similar name shares one of the rarest a − m + 1 bigrams.
    const plan = overlapPlan(
      gram.bigrams,
      percent,
      (bigram) => this.byBigram.get(bigram)?.length ?? 0,
      Number.POSITIVE_INFINITY,
    );
    for (const { bigram } of plan?.probe ?? []) {
      for (const id of this.byBigram.get(bigram) ?? []) candidates.add(id);
      if (candidates.size >= PROBE_ROWS) break;
    }
    let best: { id: string; similarity: number } | null = null;
    for (const id of candidates) {
      const other = this.grams.get(id);
      if (!other || !isLive(id)) continue;
      const { similar, similarity } = isSimilarGrams(gram, other, percent);
      if (similar && (!best || similarity > best.similarity)) best = { id, similarity };
    }
    return best;
  }
}

/** Appends to a bounded list, dropping the oldest entry. */
function pushRecent(lists: Map<string, string[]>, key: string, id: string, limit: number): void {
  const list = lists.get(key);
  if (!list) {
    lists.set(key, [id]);
    return;
  }
  list.push(id);
  if (list.length > limit) list.shift();
}
