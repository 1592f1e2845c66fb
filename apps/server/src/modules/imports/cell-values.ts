import { MAX_AMOUNT_FEN, parsePhone, type ImportDateOrder } from '@guanxi/contract';
import { atLocalClock } from '../../platform/time/index.js';
import type { ImportFieldSpec, ImportRowIssue, ImportValue } from './import-kind.js';

/**
 * Turning one cell into a field's value: the conversions every kind shares. Pure functions, so the
 * rules (dates, amounts with ¥ and 万, enumerations) are tested without a database.
 */

export type Converted = { value: ImportValue } | { issue: ImportRowIssue };

export interface ConversionOptions {
  dateOrder: ImportDateOrder;
  /** The saved value map of the field (file value → option value), if any. */
  valueMap?: Readonly<Record<string, string>> | undefined;
  /** Option labels in both languages, by option value, for matching enumerations. */
  optionLabels?: ReadonlyMap<string, readonly string[]> | undefined;
  timeZone: string;
}

/** Full-width forms to half-width, lower case, no spaces or punctuation: how headers and values are compared. */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:/\\()[\]{}'"`*#·、，,;；。|]+/g, '');
}

const issue = (field: string, code: string, params?: Record<string, string | number>): Converted => ({
  issue: { field, code, ...(params ? { params } : {}) },
});

export function convertCell(cell: string, field: ImportFieldSpec, options: ConversionOptions): Converted {
  const text = cell.trim();
  switch (field.type) {
    case 'text':
      if (field.maxLength !== undefined && [...text].length > field.maxLength)
        return issue(field.key, 'imports.rowError.tooLong', { max: field.maxLength });
      return { value: text };
    case 'integer': {
      const number = parseNumber(text);
      return number === null || !Number.isInteger(number)
        ? issue(field.key, 'imports.rowError.notANumber')
        : { value: number };
    }
    case 'number': {
      const number = parseNumber(text);
      return number === null ? issue(field.key, 'imports.rowError.notANumber') : { value: number };
    }
    case 'money': {
      const fen = parseMoneyFen(text);
      return fen === null ? issue(field.key, 'imports.rowError.notAnAmount') : { value: fen };
    }
    case 'date': {
      const date = parseDate(text, options.dateOrder);
      return date === null ? issue(field.key, 'imports.rowError.notADate') : { value: date };
    }
    case 'datetime': {
      const at = parseDateTime(text, options.dateOrder, options.timeZone);
      return at === null ? issue(field.key, 'imports.rowError.notADate') : { value: at };
    }
    case 'phone':
      if (text.length > 40 || parsePhone(text) === null) return issue(field.key, 'imports.rowError.phone');
      return { value: text };
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && text.length <= 254
        ? { value: text }
        : issue(field.key, 'imports.rowError.email');
    case 'enum': {
      const value = matchOption(text, field, options);
      return value === null ? issue(field.key, 'imports.rowError.unknownOption', { value: text }) : { value };
    }
    case 'boolean': {
      const key = normalizeKey(text);
      if (TRUE_WORDS.has(key)) return { value: true };
      if (FALSE_WORDS.has(key)) return { value: false };
      return issue(field.key, 'imports.rowError.notABoolean');
    }
    case 'tags':
      return {
        value: [
          ...new Set(
            text
              .split(/[,，;；、|]/)
              .map((tag) => tag.trim())
              .filter(Boolean),
          ),
        ],
      };
    case 'user':
      // Resolved by the engine against the organization's users (username or name).
      return { value: text };
  }
}

const TRUE_WORDS = new Set(['是', '1', 'true', 'yes', 'y', '√', '✓', '对']);
const FALSE_WORDS = new Set(['否', '0', 'false', 'no', 'n', '×', '✗', '不是', '']);

/** An enumeration value: the saved value map, then the option's value, labels and synonyms. */
export function matchOption(text: string, field: ImportFieldSpec, options: ConversionOptions): string | null {
  const mapped = options.valueMap?.[text] ?? options.valueMap?.[text.trim()];
  if (mapped !== undefined) return mapped;
  const key = normalizeKey(text);
  if (options.valueMap) {
    for (const [from, to] of Object.entries(options.valueMap)) if (normalizeKey(from) === key) return to;
  }
  for (const option of field.options ?? []) {
    const names = [option.value, ...(option.synonyms ?? []), ...(options.optionLabels?.get(option.value) ?? [])];
    if (names.some((name) => normalizeKey(name) === key)) return option.value;
  }
  return null;
}

const FULL_WIDTH_DIGITS = /[０-９．，]/g;
const toHalfWidth = (text: string) =>
  text.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** A plain number with optional thousands separators; null otherwise. */
export function parseNumber(text: string): number | null {
  const cleaned = toHalfWidth(text).replace(/[,\s]/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return null;
  const number = Number(cleaned);
  return Number.isFinite(number) ? number : null;
}

/**
 * An amount in yuan as integer fen: "¥1,234.50", "1234.5元", "RMB 88,000", "3.5万" (35 000 yuan),
 * "1.2亿". Digits only, never floats; at most two decimals after the 万/亿 scaling.
 */
export function parseMoneyFen(text: string): number | null {
  let cleaned = toHalfWidth(text)
    .replace(/^(rmb|cny)\s*/i, '')
    .replace(/[¥￥\s,]|元$|(rmb|cny)$/gi, '');
  let scale = 0;
  if (cleaned.endsWith('万')) {
    scale = 4;
    cleaned = cleaned.slice(0, -1);
  } else if (cleaned.endsWith('亿')) {
    scale = 8;
    cleaned = cleaned.slice(0, -1);
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const digits = `${match[1]}${(match[2] ?? '').padEnd(scale + 2, '0')}`;
  const decimals = (match[2] ?? '').length;
  if (decimals > scale + 2 && /[1-9]/.test((match[2] ?? '').slice(scale + 2))) return null;
  const fen = Number(digits.slice(0, match[1]!.length + scale + 2));
  return Number.isSafeInteger(fen) && fen <= MAX_AMOUNT_FEN ? fen : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const fullYear = (year: number, digits: number) => (digits <= 2 ? (year < 70 ? 2000 + year : 1900 + year) : year);

/**
 * A calendar day: ISO (2024-03-01), with slashes, dots or 年月日 (2024/3/1, 2024年3月1日), 20240301,
 * an Excel serial number (45352), or day and month around a year at the end (03/01/24), read in
 * the chosen order unless one part is over 12.
 */
export function parseDate(text: string, order: ImportDateOrder): string | null {
  const cleaned = toHalfWidth(text).trim().replace(/日$/, '');
  const dateOnly = cleaned.split(/[T\s]/)[0] ?? '';
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})$/.exec(dateOnly);
  if (match) return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(dateOnly);
  if (match) return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (/^\d{1,5}(\.\d+)?$/.test(dateOnly)) {
    const serial = Math.floor(Number(dateOnly));
    // Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was: epoch 1899-12-30.
    if (serial < 1 || serial > 401768) return null;
    const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
    return validDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(dateOnly);
  if (!match) return null;
  const first = Number(match[1]);
  const second = Number(match[2]);
  const year = fullYear(Number(match[3]), match[3]!.length);
  if (first > 12 && second <= 12) return validDate(year, second, first);
  if (second > 12 && first <= 12) return validDate(year, first, second);
  if (order === 'dmy') return validDate(year, second, first);
  if (order === 'mdy') return validDate(year, first, second);
  return first === second ? validDate(year, first, second) : null;
}

/** A date with an optional time of day (HH:mm[:ss]) in the organization's zone, as an ISO instant. */
export function parseDateTime(text: string, order: ImportDateOrder, timeZone: string): string | null {
  const cleaned = toHalfWidth(text).trim();
  if (/^\d+\.\d+$/.test(cleaned)) {
    // An Excel serial with a fraction of a day.
    const date = parseDate(cleaned, order);
    if (date === null) return null;
    const minutes = Math.round((Number(cleaned) % 1) * 1440);
    return atLocalClock(date, `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`, timeZone).toISOString();
  }
  const iso = Date.parse(cleaned);
  if (/[+-]\d{2}:?\d{2}$|Z$/.test(cleaned) && Number.isFinite(iso)) return new Date(iso).toISOString();
  const [datePart, timePart] = cleaned.split(/[T\s]+/, 2);
  const date = parseDate(datePart ?? '', order);
  if (date === null) return null;
  if (!timePart) return atLocalClock(date, '00:00', timeZone).toISOString();
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(timePart);
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) return null;
  return atLocalClock(date, `${pad(Number(time[1]))}:${time[2]}`, timeZone).toISOString();
}
