import type { ValuePeriod } from '@guanxi/contract';
import { invalidField } from '../../platform/errors/app-error.js';
import { addDays, localDateOf, periodRange } from '../../platform/time/index.js';
import type { ContributionRange } from './contribution-source.js';

/** The same calendar day a year earlier; 29 February falls back to 1 March. */
function yearBefore(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const monthDay = date.slice(5);
  return monthDay === '02-29' ? `${year}-03-01` : `${year}-${monthDay}`;
}

/** The twelve months ending with `end` (inclusive): e.g. 2025-11-24 … 2026-11-23. */
export function trailingYear(end: string): ValuePeriod {
  return { from: yearBefore(addDays(end, 1)), to: end };
}

/**
 * The period a query asks for, defaulting to the twelve months up to today in the organization's
 * time zone (a missing end is today, a missing start is a year before the end).
 */
export function resolvePeriod(
  query: { from?: string | undefined; to?: string | undefined },
  timeZone: string,
  now: Date,
): ValuePeriod {
  const to = query.to ?? localDateOf(now, timeZone);
  const from = query.from ?? trailingYear(to).from;
  if (from > to) throw invalidField('from', 'validation.value.periodOrder');
  return { from, to };
}

/** The instants and dates the contribution query filters by, for one organization and currency. */
export function contributionRange(options: {
  orgId: string;
  currency: string;
  period: ValuePeriod;
  timeZone: string;
}): ContributionRange {
  const { from, to } = periodRange({ start: options.period.from, end: options.period.to }, options.timeZone);
  return {
    orgId: options.orgId,
    currency: options.currency,
    fromInstant: from,
    toInstant: to,
    fromDate: options.period.from,
    toDate: options.period.to,
  };
}
