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
  /** A message key, or the header's own text (a field an administrator named, in the reader's language). */
  header: MessageKey | { text: string };
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

/** `YYYY-MM-DD` of a count of days since 1970 (days to civil date: H. Hinnant). */
function civilDateText(days: number): string {
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
  return `${year}-${two(month)}-${two(day)}`;
}

/** ` HH:mm` of every minute of a day. */
const CLOCK = Array.from({ length: 1440 }, (_, m) => ` ${two(Math.floor(m / 60))}:${two(m % 60)}`);

/** `YYYY-MM-DD HH:mm` of milliseconds since 1970 read as a wall clock; each day's text is made once. */
function wallClockTexts(): (ms: number) => string {
  const dates = new Map<number, string>();
  return (ms) => {
    const days = Math.floor(ms / DAY);
    let date = dates.get(days);
    if (date === undefined) {
      date = civilDateText(days);
      if (dates.size > 100_000) dates.clear();
      dates.set(days, date);
    }
    return date + CLOCK[Math.floor((ms - days * DAY) / 60_000)]!;
  };
}

/**
 * `YYYY-MM-DD HH:mm` in `timeZone`. Intl is asked for the zone's offset at the start and the end
 * of each (UTC) day an export meets: when they agree the day has one offset, otherwise (a change
 * that day) the offset is asked once per quarter hour of it. Each instant is then shifted and
 * printed with integer arithmetic: an export prints two instants a row, and a full Intl call (or a
 * Date object) per value was a visible share of its time (bench W12).
 */
function localDateTimes(timeZone: string): (value: string | number) => string | null {
  const formatter = dateTimeFormatter(timeZone);
  const wallClockText = wallClockTexts();
  const offsetAt = (instant: number) =>
    Date.parse(`${formatter.format(new Date(instant)).replace(' ', 'T')}:00Z`) - instant;
  /** By day since 1970: its one offset, or null when it changes that day. */
  const dayOffsets = new Map<number, number | null>();
  const quarterOffsets = new Map<number, number>();
  const offsetOf = (time: number) => {
    const day = Math.floor(time / DAY);
    let offset = dayOffsets.get(day);
    if (offset === undefined) {
      const start = offsetAt(day * DAY);
      offset = start === offsetAt((day + 1) * DAY) ? start : null;
      if (dayOffsets.size > 100_000) dayOffsets.clear();
      dayOffsets.set(day, offset);
    }
    if (offset !== null) return offset;
    const quarter = Math.floor(time / QUARTER_HOUR);
    let quarterOffset = quarterOffsets.get(quarter);
    if (quarterOffset === undefined) {
      quarterOffset = offsetAt(quarter * QUARTER_HOUR);
      if (quarterOffsets.size > 100_000) quarterOffsets.clear();
      quarterOffsets.set(quarter, quarterOffset);
    }
    return quarterOffset;
  };
  return (value) => {
    const time = typeof value === 'number' ? value : Date.parse(value);
    if (Number.isNaN(time)) return null;
    return wallClockText(time + offsetOf(time));
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
  // A vocabulary has a handful of values: each label is looked up once per export, then found by
  // prefix and value (no key text built per cell).
  const known = new Map<string, Map<string, string>>();
  const [yes, no] = [translate(locale, 'export.yes'), translate(locale, 'export.no')];
  return {
    locale,
    timeZone,
    label(prefix, value) {
      if (value === null || value === undefined) return null;
      let byValue = known.get(prefix);
      if (byValue === undefined) known.set(prefix, (byValue = new Map()));
      let label = byValue.get(value);
      if (label === undefined) {
        const key = `${prefix}.${value}`;
        label = labels[prefix]?.[value] ?? (isMessageKey(key) ? translate(locale, key) : value);
        if (byValue.size < 10_000) byValue.set(value, label);
      }
      return label;
    },
    dateTime: (value) => (value === null || value === undefined || value === '' ? null : localDateTime(value)),
    // Division by 100 gives the double nearest to the decimal yuan amount, as parsing it would.
    money: (fen) => (fen === null || fen === undefined ? null : fen / 100),
    yesNo: (value) => (value === null || value === undefined ? null : value ? yes : no),
  };
}
