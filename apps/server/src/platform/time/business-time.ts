import { addDays, isoWeekday } from './calendar-days.js';
import { localDateOf } from './org-time-zone.js';
import { atLocalClock } from './periods.js';

const MINUTE_MS = 60_000;
/** A deadline further away than this many calendar days is a broken calendar, not a deadline. */
const MAX_DAYS = 3660;

/**
 * An organization's working calendar (工作日历): daily working hours, the working weekdays
 * (1 = Monday … 7 = Sunday), public holidays (法定节假日) that are off although weekdays, and
 * make-up working days (调休) that are worked although weekend days. Dates are `YYYY-MM-DD`.
 */
export interface WorkingCalendar {
  timeZone: string;
  /** `HH:MM`, local. */
  workStart: string;
  /** `HH:MM`, local, after `workStart`. */
  workEnd: string;
  workdays: readonly number[];
  holidays: readonly string[];
  makeupWorkdays: readonly string[];
}

/** Whether a calendar date is worked: a make-up day always, a holiday never, else by weekday. */
export function isWorkingDate(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.makeupWorkdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  return calendar.workdays.includes(isoWeekday(date));
}

/** The working window of a date as instants, or null on a day off. */
function windowOf(date: string, calendar: WorkingCalendar): { start: number; end: number } | null {
  if (!isWorkingDate(date, calendar)) return null;
  const start = atLocalClock(date, calendar.workStart, calendar.timeZone).getTime();
  const end = atLocalClock(date, calendar.workEnd, calendar.timeZone).getTime();
  return end > start ? { start, end } : null;
}

/**
 * The instant `minutes` business minutes after `from`: time counts only inside working hours of
 * working dates in the calendar's zone. Starting outside working hours, the clock starts at the
 * next opening. Zero minutes answers `from` itself.
 */
export function addBusinessMinutes(from: Date, minutes: number, calendar: WorkingCalendar): Date {
  if (minutes <= 0) return new Date(from.getTime());
  let remaining = minutes * MINUTE_MS;
  let date = localDateOf(from, calendar.timeZone);
  for (let day = 0; day < MAX_DAYS; day++, date = addDays(date, 1)) {
    const window = windowOf(date, calendar);
    if (!window) continue;
    const begin = Math.max(window.start, from.getTime());
    if (begin >= window.end) continue;
    if (remaining <= window.end - begin) return new Date(begin + remaining);
    remaining -= window.end - begin;
  }
  throw new Error('the working calendar has no working time in ten years');
}

/**
 * Business minutes between two instants (negative when `to` is before `from`), counted like
 * `addBusinessMinutes`, so `businessMinutesBetween(a, addBusinessMinutes(a, n)) === n`.
 */
export function businessMinutesBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  if (to.getTime() < from.getTime()) return -businessMinutesBetween(to, from, calendar);
  let total = 0;
  let date = localDateOf(from, calendar.timeZone);
  const last = localDateOf(to, calendar.timeZone);
  for (let day = 0; day < MAX_DAYS && date <= last; day++, date = addDays(date, 1)) {
    const window = windowOf(date, calendar);
    if (!window) continue;
    const begin = Math.max(window.start, from.getTime());
    const end = Math.min(window.end, to.getTime());
    if (end > begin) total += end - begin;
  }
  return Math.floor(total / MINUTE_MS);
}
