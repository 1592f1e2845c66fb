import type { JobSchedule } from '@guanxi/contract';

const MINUTE_MS = 60_000;

/** The wall-clock date and time of an instant in a time zone. */
function localParts(
  at: Date,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds (Asia/Shanghai: +8 h). */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a wall-clock time occurs in a zone (day may overflow; Date.UTC normalizes it). */
export function zonedTime(options: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  timeZone: string;
}): Date {
  const guess = Date.UTC(options.year, options.month - 1, options.day, options.hour, options.minute);
  const first = guess - zoneOffsetMs(new Date(guess), options.timeZone);
  // A second pass settles instants next to a daylight-saving change.
  return new Date(guess - zoneOffsetMs(new Date(first), options.timeZone));
}

/** Midnight of the local day containing `at`, e.g. for "claims today". */
export function startOfLocalDay(at: Date, timeZone: string): Date {
  const p = localParts(at, timeZone);
  return zonedTime({ year: p.year, month: p.month, day: p.day, hour: 0, minute: 0, timeZone });
}

/** The first run strictly after `after` under the schedule. */
export function nextRunAfter(schedule: JobSchedule, after: Date, timeZone: string): Date {
  if (schedule.kind === 'interval') return new Date(after.getTime() + schedule.minutes * MINUTE_MS);
  const [hour, minute] = schedule.at.split(':').map(Number) as [number, number];
  const p = localParts(after, timeZone);
  for (let extraDays = 0; extraDays < 3; extraDays++) {
    const candidate = zonedTime({ year: p.year, month: p.month, day: p.day + extraDays, hour, minute, timeZone });
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  throw new Error(`no next run for ${schedule.at} in ${timeZone}`);
}
