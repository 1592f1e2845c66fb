/** One calendar day in milliseconds (a day of UTC dates; local days are counted with the zone). */
export const DAY_MS = 86_400_000;

/** A calendar date `YYYY-MM-DD` as midnight UTC, for date arithmetic without time zones. */
export const dateAsUtc = (date: string): Date => new Date(`${date}T00:00:00Z`);

/** The calendar date `YYYY-MM-DD` of an instant, read in UTC (the inverse of `dateAsUtc`). */
export const utcDateOf = (at: Date): string => at.toISOString().slice(0, 10);

/** The date `days` calendar days after (or, negative, before) a date. */
export const addDays = (date: string, days: number): string =>
  utcDateOf(new Date(dateAsUtc(date).getTime() + days * DAY_MS));

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => dateAsUtc(date).getUTCDay() || 7;

/** Monday of the date's week (ISO weeks, as PostgreSQL's date_trunc('week')). */
export const mondayOf = (date: string): string => addDays(date, 1 - isoWeekday(date));
