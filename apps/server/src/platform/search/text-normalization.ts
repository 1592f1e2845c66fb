import { parsePhone } from '@guanxi/contract';

/**
 * Text normalization for matching names, phones and emails (domain §4): pure functions, no
 * database. Stored copies (name_normalized, name_bigrams, phone E.164, email) are built with these,
 * so the duplicate check is an index lookup and behaves the same on any database locale.
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

/** A phone number's stored copies: the E.164 key the duplicate check compares and the extension. */
export interface NormalizedPhone {
  e164: string | null;
  extension: string | null;
}

/**
 * The contract's one phone rule (`parsePhone`): `+86 21 6666 8888`, `021-6666 8888` and
 * `0086-21-66668888` all give `+862166668888`; what is no valid number gives nulls.
 */
export function normalizePhone(phone: string | null | undefined): NormalizedPhone {
  const parsed = phone ? parsePhone(phone) : null;
  return { e164: parsed?.e164 ?? null, extension: parsed?.extension ?? null };
}

export const normalizeEmail = (email: string): string => normalizeWidth(email).replace(/\s+/g, '');
