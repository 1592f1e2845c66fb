import type { Locale, ProtectedField } from '@guanxi/contract';
import { isMessageKey, translate, type MessageKey } from '../i18n/index.js';

/** One cell's value: text, a number, or empty. */
export type Cell = string | number | null | undefined;

/** How a column's cells are shown: plain text, a number, or yuan with two decimals. */
export type ColumnKind = 'text' | 'number' | 'money';

/** The reader's language and the organization's time zone, for labels, dates and times. */
export interface CellFormat {
  locale: Locale;
  timeZone: string;
  /** An enum value by its label in the reader's language (`label('stage', 'repeat')` → 历史客户（复购）). */
  label(prefix: string, value: string | null | undefined): string | null;
  /** An instant (ISO text, or milliseconds since 1970) as `YYYY-MM-DD HH:mm` in the organization's time zone. */
  dateTime(value: string | number | null | undefined): string | null;
  /** Fen as a yuan number (an `money` column shows it with two decimals). */
  money(fen: number | null | undefined): number | null;
  yesNo(value: boolean | null | undefined): string | null;
}

/**
 * One column of an exported list: its header (a message key, translated for the reader), how a row
 * becomes its cell, and the field permission that hides it (a hidden field is left out of the file).
 */
export interface ExportColumn<Item> {
  header: MessageKey;
  value: (item: Item, format: CellFormat) => Cell;
  kind?: ColumnKind;
  /** Width in characters; a sensible default per kind otherwise. */
  width?: number;
  protectedField?: ProtectedField;
}

const dateTimeFormatter = (timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

/** Every UTC offset and every offset change falls on a quarter hour. */
const QUARTER_HOUR = 15 * 60_000;
const DAY = 86_400_000;
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD HH:mm` of a count of milliseconds since 1970 read as a wall clock (days to civil date: H. Hinnant). */
function wallClockText(ms: number): string {
  const days = Math.floor(ms / DAY);
  const minutes = Math.floor((ms - days * DAY) / 60_000);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${two(month)}-${two(day)} ${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

/**
 * `YYYY-MM-DD HH:mm` in `timeZone`. Intl is asked once per quarter hour of instants for the zone's
 * offset there, then each instant is shifted and printed with integer arithmetic: an export prints
 * two instants a row, and a full Intl call (or a Date object) per value was a visible share of its
 * time (bench W12).
 */
function localDateTimes(timeZone: string): (value: string | number) => string | null {
  const formatter = dateTimeFormatter(timeZone);
  const offsets = new Map<number, number>();
  return (value) => {
    const time = typeof value === 'number' ? value : Date.parse(value);
    if (Number.isNaN(time)) return null;
    const quarter = Math.floor(time / QUARTER_HOUR);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      const start = quarter * QUARTER_HOUR;
      const local = formatter.format(new Date(start));
      offset = Date.parse(`${local.replace(' ', 'T')}:00Z`) - start;
      if (offsets.size > 100_000) offsets.clear();
      offsets.set(quarter, offset);
    }
    return wallClockText(time + offset);
  };
}

/** Labels of an organization's own vocabulary (e.g. follow-up types), by prefix and code. */
export type OrganizationLabels = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * The cell formatting of one export: the reader's language and the organization's time zone; a
 * label is looked up in the organization's own vocabulary first, then in the message catalogs.
 */
export function cellFormat(locale: Locale, timeZone: string, labels: OrganizationLabels = {}): CellFormat {
  const localDateTime = localDateTimes(timeZone);
  // A vocabulary has a handful of values: each label is looked up once per export.
  const known = new Map<string, string>();
  return {
    locale,
    timeZone,
    label(prefix, value) {
      if (value === null || value === undefined) return null;
      const key = `${prefix}.${value}`;
      let label = known.get(key);
      if (label === undefined) {
        label = labels[prefix]?.[value] ?? (isMessageKey(key) ? translate(locale, key) : value);
        if (known.size < 10_000) known.set(key, label);
      }
      return label;
    },
    dateTime: (value) => (value === null || value === undefined || value === '' ? null : localDateTime(value)),
    // Division by 100 gives the double nearest to the decimal yuan amount, as parsing it would.
    money: (fen) => (fen === null || fen === undefined ? null : fen / 100),
    yesNo: (value) =>
      value === null || value === undefined ? null : translate(locale, value ? 'export.yes' : 'export.no'),
  };
}
