import { parsePhone } from '@guanxi/contract';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { pinyin } from 'pinyin-pro';

/**
 * Search lexemes built by the application (design §3, bench.md): they serve 1–2 character Chinese
 * searches, pinyin and initials, Latin words, emails and phone prefixes/suffixes identically on
 * PGlite and on a PostgreSQL with a `C` character type, where pg_trgm sees no Chinese at all.
 * Protected fields get their own namespaces so a query can leave out what the caller may not see.
 */
const jieba = Jieba.withDict(dict);

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const LATIN_WORD = /[a-z0-9]+/g;
const MAX_LEXEME = 60;

export const PHONE_PREFIX = 'p:';
export const PHONE_SUFFIX = 'r:';
export const EMAIL_PREFIX = 'm:';

/** NFKC folds full-width letters and digits to half-width; search is case-insensitive. */
export const normalizeText = (text: string): string => text.normalize('NFKC').toLowerCase().trim();
/**
 * The digits a phone is searched by (prefix and reversed for suffix): the national digits the
 * contract's phone rule gives (`2166668888` and `02166668888` for a Shanghai landline,
 * `13800138000` for `+86 138 0013 8000`); a stored text that is no valid number keeps its digits.
 */
export function phoneSearchDigits(phone: string): string[] {
  const parsed = parsePhone(phone);
  return parsed ? parsed.searchDigits : [phone.normalize('NFKC').replace(/\D/g, '')];
}

/**
 * A word's pinyin and initials, remembered: names repeat the same words (城市, 贸易, 有限公司) and
 * pinyin-pro is the costliest step of building tokens, which an import does for every row.
 */
const PINYIN_CACHE_SIZE = 20_000;
const pinyinCache = new Map<string, { full: string; initials: string }>();
function pinyinOf(word: string): { full: string; initials: string } {
  let spelled = pinyinCache.get(word);
  if (spelled === undefined) {
    spelled = {
      full: pinyin(word, { toneType: 'none', type: 'array', v: true }).join(''),
      initials: pinyin(word, { pattern: 'first', toneType: 'none', type: 'array' }).join(''),
    };
    if (pinyinCache.size >= PINYIN_CACHE_SIZE) pinyinCache.clear();
    pinyinCache.set(word, spelled);
  }
  return spelled;
}

function addCjkRun(run: string, out: Set<string>): void {
  const chars = [...run];
  for (let i = 0; i < chars.length; i++) {
    out.add(chars[i]!);
    if (i + 1 < chars.length) out.add(chars[i]! + chars[i + 1]!);
  }
  const words = jieba.cut(run, false).filter((w) => w.trim() !== '');
  for (const word of jieba.cutForSearch(run, false)) if ([...word].length > 2) out.add(word);
  const spelled = words.map(pinyinOf);
  const full = spelled.map((s) => s.full);
  const initials = spelled.map((s) => s.initials);
  // Every suffix of the word list, so 'hwkj' finds 北京华为科技 as well as 'bjhw' does.
  for (let i = 0; i < words.length; i++) {
    out.add(full.slice(i).join('').slice(0, MAX_LEXEME));
    out.add(initials.slice(i).join('').slice(0, MAX_LEXEME));
  }
}

function addText(text: string, out: Set<string>): void {
  const normalized = normalizeText(text);
  for (const run of normalized.match(CJK_RUN) ?? []) addCjkRun(run, out);
  for (const word of normalized.match(LATIN_WORD) ?? []) out.add(word.slice(0, MAX_LEXEME));
}

export interface SearchableFields {
  texts: readonly (string | null | undefined)[];
  phones?: readonly (string | null | undefined)[];
  emails?: readonly (string | null | undefined)[];
}

export function buildSearchLexemes(fields: SearchableFields): string[] {
  const out = new Set<string>();
  for (const text of fields.texts) if (text) addText(text, out);
  for (const phone of fields.phones ?? []) {
    if (!phone) continue;
    for (const digits of phoneSearchDigits(phone)) {
      if (digits.length < 3) continue;
      out.add(PHONE_PREFIX + digits);
      out.add(PHONE_SUFFIX + [...digits].reverse().join(''));
    }
  }
  for (const email of fields.emails ?? []) {
    if (!email) continue;
    const normalized = normalizeText(email);
    out.add(EMAIL_PREFIX + normalized.slice(0, MAX_LEXEME));
    for (const word of normalized.match(LATIN_WORD) ?? []) out.add(EMAIL_PREFIX + word.slice(0, MAX_LEXEME));
  }
  return [...out].filter((l) => l !== '');
}

const quote = (lexeme: string): string => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** A tsvector literal, cast with `::tsvector` (no parser involved, so the lexemes stay exact). */
export const toTsvectorLiteral = (lexemes: readonly string[]): string => lexemes.map(quote).join(' ');

export interface SearchVisibility {
  phone: boolean;
  email: boolean;
}

/**
 * Turns a search box text into a tsquery literal (terms ANDed), or null when nothing searchable
 * is left. Chinese runs match by unigram/bigram; Latin terms by prefix (words, pinyin, initials).
 */
export function buildSearchQuery(q: string, visible: SearchVisibility): string | null {
  const parts: string[] = [];
  for (const term of normalizeText(q).split(/\s+/)) {
    for (const run of term.match(CJK_RUN) ?? []) {
      const chars = [...run];
      if (chars.length <= 2) parts.push(quote(run));
      else for (let i = 0; i + 1 < chars.length; i++) parts.push(quote(chars[i]! + chars[i + 1]!));
    }
    const latin = term.replace(CJK_RUN, ' ');
    for (const word of latin.match(LATIN_WORD) ?? []) {
      const options = [`${quote(word.slice(0, MAX_LEXEME))}:*`];
      if (/^\d{3,}$/.test(word) && visible.phone) {
        options.push(`${quote(PHONE_PREFIX + word)}:*`, `${quote(PHONE_SUFFIX + [...word].reverse().join(''))}:*`);
      }
      if (visible.email) options.push(`${quote(EMAIL_PREFIX + word.slice(0, MAX_LEXEME))}:*`);
      parts.push(options.length === 1 ? options[0]! : `(${options.join(' | ')})`);
    }
    if (visible.email && term.includes('@')) parts.push(quote(EMAIL_PREFIX + term.slice(0, MAX_LEXEME)));
  }
  return parts.length ? parts.join(' & ') : null;
}
