import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { organizations } from '../db/schema/index.js';

/** The zone dates are shown and counted in when an organization has none set (design §3). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The organization's time zone: due dates, "today", periods and overdue are counted in it. */
export async function orgTimeZone(db: Executor, orgId: string): Promise<string> {
  const rows = await db
    .select({ timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return rows[0]?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The local calendar date `YYYY-MM-DD` of an instant in a time zone. */
export function localDateOf(at: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Today's date in a time zone, as `YYYY-MM-DD`. */
export const todayIn = (timeZone: string, now = new Date()): string => localDateOf(now, timeZone);
