import type { TeamActivityQuery } from '@guanxi/contract';
import { invalidField } from '../../platform/errors/app-error.js';
import { DAY_MS, dateAsUtc as toDate, mondayOf, utcDateOf as toText } from '../../platform/time/index.js';

/** Longest ranges a screen asks for: two months of days, half a year of weeks. */
const MAX_PERIODS = { day: 62, week: 26 } as const;

export type ActivityPeriod = 'day' | 'week';

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
