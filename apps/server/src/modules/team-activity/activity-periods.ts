import type { TeamActivityQuery } from '@guanxi/contract';
import { invalidField } from '../../platform/errors/app-error.js';
import { localDateOf } from '../../platform/org-time.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Longest ranges a screen asks for: two months of days, half a year of weeks. */
const MAX_PERIODS = { day: 62, week: 26 } as const;

export type ActivityPeriod = 'day' | 'week';

const toDate = (text: string) => new Date(`${text}T00:00:00Z`);
const toText = (date: Date) => date.toISOString().slice(0, 10);
/** Monday of the date's week (ISO weeks, as PostgreSQL's date_trunc('week')). */
const mondayOf = (text: string): string => {
  const date = toDate(text);
  return toText(new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS));
};

/**
 * The periods of a range as first days (`YYYY-MM-DD`), and the range as [from, toExclusive)
 * dates to turn into timestamps in the organization's zone. Weeks start on Monday.
 */
export function activityPeriods(
  query: TeamActivityQuery,
  today: string,
): { period: ActivityPeriod; periods: string[]; from: string; toExclusive: string } {
  const period = query.period ?? 'day';
  const to = query.to ?? today;
  const defaultSpan = period === 'day' ? 6 : 7 * 7;
  let from = query.from ?? toText(new Date(toDate(to).getTime() - defaultSpan * DAY_MS));
  if (period === 'week') from = mondayOf(from);
  if (toDate(from) > toDate(to)) throw invalidField('to', 'validation.invalid');
  const step = period === 'day' ? DAY_MS : 7 * DAY_MS;
  const periods: string[] = [];
  for (let t = toDate(from).getTime(); t <= toDate(to).getTime(); t += step) periods.push(toText(new Date(t)));
  if (periods.length > MAX_PERIODS[period])
    throw invalidField('from', 'validation.rangeTooLong', { limit: MAX_PERIODS[period] });
  const toExclusive = toText(new Date(toDate(periods.at(-1)!).getTime() + step));
  return { period, periods, from, toExclusive };
}

/** Today's date in a time zone, as `YYYY-MM-DD`. */
export const todayIn = (timeZone: string, now = new Date()): string => localDateOf(now, timeZone);
