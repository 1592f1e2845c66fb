import dayjs, { type Dayjs } from 'dayjs';

/**
 * The organization's calendar, not the device's: a salesperson in Europe working for a company in
 * Shanghai, or a phone left on another zone, must see the same "today" (and default periods) as the
 * server computes its reports with. The session sets the zone once the profile has loaded.
 */
let zone: string | undefined;

export function setOrgTimeZone(timeZone: string | undefined): void {
  zone = timeZone;
}

/** The calendar date (YYYY-MM-DD) an instant falls on in the organization's time zone. */
export function orgDateOf(at: Date, timeZone = zone): string {
  if (!timeZone) return dayjs(at).format('YYYY-MM-DD');
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Today in the organization's calendar, as a local-midnight Dayjs for date pickers and periods. */
export function orgToday(now = new Date()): Dayjs {
  return dayjs(orgDateOf(now));
}
