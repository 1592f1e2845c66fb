/** Calendar and time: day maths on `YYYY-MM-DD` dates, periods, the organization's zone, job schedules. */
export { DAY_MS, addDays, dateAsUtc, isoWeekday, mondayOf, utcDateOf } from './calendar-days.js';
export { DEFAULT_TIME_ZONE, localDateOf, orgTimeZone, todayIn } from './org-time-zone.js';
export { atLocalClock, periodOf, periodRange, periodsBetween, startOfDate, type Period } from './periods.js';
export { nextRunAfter, startOfLocalDay, zonedTime } from './schedule.js';
export { addBusinessMinutes, businessMinutesBetween, isWorkingDate, type WorkingCalendar } from './business-time.js';
