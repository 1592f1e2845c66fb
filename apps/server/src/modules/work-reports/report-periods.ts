import type { ReportKind, WorkReportSettings } from '@guanxi/contract';
import { zonedTime } from '../../platform/jobs/schedule.js';

const DAY_MS = 86_400_000;

/** A calendar date `YYYY-MM-DD` as midnight UTC, for date arithmetic without time zones. */
const toUtc = (date: string): Date => new Date(`${date}T00:00:00Z`);
const fromUtc = (at: Date): string => at.toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => toUtc(date).getUTCDay() || 7;

export { localDateOf } from '../../platform/org-time.js';

/** Local midnight at the start of a calendar date. */
export function startOfDate(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return zonedTime({ year, month, day, hour: 0, minute: 0, timeZone });
}

function atClock(date: string, clock: string, timeZone: string): Date {
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
    const start = addDays(date, 1 - isoWeekday(date));
    return { start, end: addDays(start, 6) };
  }
  const start = `${date.slice(0, 7)}-01`;
  const next = toUtc(start);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { start, end: addDays(fromUtc(next), -1) };
}

/** The instants a period covers: local midnight of its first day up to that after its last day. */
export function periodRange(period: Period, timeZone: string): { from: Date; to: Date } {
  return { from: startOfDate(period.start, timeZone), to: startOfDate(addDays(period.end, 1), timeZone) };
}

export type DueRules = Pick<
  WorkReportSettings,
  'dailyDueTime' | 'weeklyDueTime' | 'monthlyDueDay' | 'monthlyDueTime' | 'workdays'
>;

/**
 * When a report is due (domain §6): a daily report at `dailyDueTime` on the next workday after
 * its day (Friday's on Monday), a weekly one at `weeklyDueTime` on the Monday after its week, a
 * monthly one on day `monthlyDueDay` of the next month at `monthlyDueTime`.
 */
export function dueAtOf(kind: ReportKind, period: Period, rules: DueRules, timeZone: string): Date {
  if (kind === 'daily') {
    let next = addDays(period.end, 1);
    for (let i = 0; i < 7 && !rules.workdays.includes(isoWeekday(next)); i++) next = addDays(next, 1);
    return atClock(next, rules.dailyDueTime, timeZone);
  }
  if (kind === 'weekly') return atClock(addDays(period.end, 1), rules.weeklyDueTime, timeZone);
  return atClock(addDays(addDays(period.end, 1), rules.monthlyDueDay - 1), rules.monthlyDueTime, timeZone);
}

/**
 * The periods of a kind that start within [from, to] (dates, inclusive). Daily periods are the
 * workdays only: a report written on a day off is welcome but not expected.
 */
export function periodsBetween(
  kind: ReportKind,
  from: string,
  to: string,
  rules: Pick<DueRules, 'workdays'>,
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
