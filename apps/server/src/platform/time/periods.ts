import type { ReportKind } from '@guanxi/contract';
import { addDays, dateAsUtc, isoWeekday, mondayOf, utcDateOf } from './calendar-days.js';
import { zonedTime } from './schedule.js';

/** Local midnight at the start of a calendar date. */
export function startOfDate(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return zonedTime({ year, month, day, hour: 0, minute: 0, timeZone });
}

/** The instant a wall clock `HH:MM` shows on a calendar date in a zone. */
export function atLocalClock(date: string, clock: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = clock.split(':').map(Number) as [number, number];
  return zonedTime({ year, month, day, hour, minute, timeZone });
}

export interface Period {
  start: string;
  /** Last day, inclusive. */
  end: string;
}

/** The period of a kind containing a date: the day, its Monday-to-Sunday week, or its month. */
export function periodOf(kind: ReportKind, date: string): Period {
  if (kind === 'daily') return { start: date, end: date };
  if (kind === 'weekly') {
    const start = mondayOf(date);
    return { start, end: addDays(start, 6) };
  }
  const start = `${date.slice(0, 7)}-01`;
  const next = dateAsUtc(start);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { start, end: addDays(utcDateOf(next), -1) };
}

/** The instants a period covers: local midnight of its first day up to that after its last day. */
export function periodRange(period: Period, timeZone: string): { from: Date; to: Date } {
  return { from: startOfDate(period.start, timeZone), to: startOfDate(addDays(period.end, 1), timeZone) };
}

/**
 * The periods of a kind that start within [from, to] (dates, inclusive). Daily periods are the
 * workdays only (1 = Monday … 7 = Sunday): a report written on a day off is welcome but not expected.
 */
export function periodsBetween(
  kind: ReportKind,
  from: string,
  to: string,
  rules: { workdays: readonly number[] },
): Period[] {
  const periods: Period[] = [];
  let period = periodOf(kind, from);
  if (period.start < from) period = periodOf(kind, addDays(period.end, 1));
  for (let guard = 0; period.start <= to && guard < 1000; guard++) {
    if (kind !== 'daily' || rules.workdays.includes(isoWeekday(period.start))) periods.push(period);
    period = periodOf(kind, addDays(period.end, 1));
  }
  return periods;
}
