import type { ReportKind, WorkReportSettings } from '@guanxi/contract';
import { addDays, atLocalClock, isoWeekday, type Period } from '../../platform/time/index.js';

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
    return atLocalClock(next, rules.dailyDueTime, timeZone);
  }
  if (kind === 'weekly') return atLocalClock(addDays(period.end, 1), rules.weeklyDueTime, timeZone);
  return atLocalClock(addDays(addDays(period.end, 1), rules.monthlyDueDay - 1), rules.monthlyDueTime, timeZone);
}
