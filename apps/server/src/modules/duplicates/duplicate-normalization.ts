/**
 * Normalization for the duplicate check (domain §4): pure functions, no database. Stored copies
 * (name_normalized, name_bigrams, phone digits, email) are built with these, so checks are index
 * lookups and behave the same on any database locale.
 */

/** Longest first, so 股份有限公司 is stripped whole rather than leaving 股份. */
const CHINESE_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '公司'];
/** Latin legal-form suffixes, matched on words at the end of the name. */
const LATIN_SUFFIX =
  /[\s,.]*\b(co\.?,?\s*ltd|co\.?,?\s*limited|ltd|limited|inc|incorporated|corp|corporation|company|llc|gmbh|co)\.?\s*$/;
/** Letters and digits of any script survive; spaces, punctuation and symbols go. */
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

/** Trim, full-width → half-width (NFKC), lower case. */
export const normalizeWidth = (text: string): string => text.normalize('NFKC').toLowerCase().trim();

/**
 * The comparable form of a customer or company name: half-width, lower case, no spaces or
 * punctuation, legal-form suffixes stripped (repeatedly: 华为技术(集团)有限公司 → 华为技术).
 */
export function normalizeName(name: string): string {
  let text = normalizeWidth(name);
  for (let previous = ''; previous !== text;) {
    previous = text;
    const stripped = text.replace(LATIN_SUFFIX, '').trim();
    if (stripped !== '') text = stripped;
  }
  text = text.replace(NOT_LETTER_OR_DIGIT, '');
  for (let previous = ''; previous !== text;) {
    previous = text;
    for (const suffix of CHINESE_SUFFIXES) {
      // A branch (分公司) is a company of its own: keep its suffix.
      if (text.endsWith(suffix) && text.length > suffix.length && !text.endsWith('分' + suffix)) {
        text = text.slice(0, -suffix.length);
        break;
      }
    }
  }
  return text;
}

/** Character bigrams of a normalized name; a one-character name is its own token. */
export function nameBigrams(normalized: string): string[] {
  const chars = [...normalized];
  if (chars.length === 1) return chars;
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

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

/** Domain §4 default; organizations set their own (lifecycle rule settings, 30–100 %). */
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

/** Digits only; a mainland country code (+86 / 0086 / 86 before a mobile number) is dropped. */
export function normalizePhone(phone: string): string {
  let digits = phone.normalize('NFKC').replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits;
}

export const normalizeEmail = (email: string): string => normalizeWidth(email).replace(/\s+/g, '');
