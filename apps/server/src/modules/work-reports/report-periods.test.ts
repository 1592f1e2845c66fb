import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_SETTINGS } from './report-settings.js';
import { dueAtOf, localDateOf, periodOf, periodsBetween } from './report-periods.js';

const TZ = 'Asia/Shanghai';
const rules = DEFAULT_REPORT_SETTINGS;

describe('report periods and due times (domain §6)', () => {
  it('a daily period is the day, a weekly one Monday to Sunday, a monthly one the calendar month', () => {
    expect(periodOf('daily', '2030-01-09')).toEqual({ start: '2030-01-09', end: '2030-01-09' });
    expect(periodOf('weekly', '2030-01-09')).toEqual({ start: '2030-01-07', end: '2030-01-13' });
    expect(periodOf('weekly', '2030-01-13')).toEqual({ start: '2030-01-07', end: '2030-01-13' });
    expect(periodOf('monthly', '2028-02-15')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('monthly', '2030-12-31')).toEqual({ start: '2030-12-01', end: '2030-12-31' });
  });

  it('a daily report is due at 10:00 the next workday: Friday’s on Monday', () => {
    expect(dueAtOf('daily', periodOf('daily', '2030-01-09'), rules, TZ).toISOString()).toBe('2030-01-10T02:00:00.000Z');
    expect(dueAtOf('daily', periodOf('daily', '2030-01-11'), rules, TZ).toISOString()).toBe('2030-01-14T02:00:00.000Z');
    expect(
      dueAtOf(
        'daily',
        periodOf('daily', '2030-01-11'),
        { ...rules, workdays: [1, 2, 3, 4, 5, 6], dailyDueTime: '09:30' },
        TZ,
      ).toISOString(),
    ).toBe('2030-01-12T01:30:00.000Z');
  });

  it('a weekly report is due Monday 10:00 after the week, a monthly one on the 3rd of the next month', () => {
    expect(dueAtOf('weekly', periodOf('weekly', '2030-01-09'), rules, TZ).toISOString()).toBe(
      '2030-01-14T02:00:00.000Z',
    );
    expect(dueAtOf('monthly', periodOf('monthly', '2030-12-09'), rules, TZ).toISOString()).toBe(
      '2031-01-03T02:00:00.000Z',
    );
  });

  it('lists the workdays of a range as daily periods and the weeks starting in it', () => {
    expect(periodsBetween('daily', '2030-01-07', '2030-01-13', rules).map((p) => p.start)).toEqual([
      '2030-01-07',
      '2030-01-08',
      '2030-01-09',
      '2030-01-10',
      '2030-01-11',
    ]);
    expect(periodsBetween('weekly', '2030-01-08', '2030-01-31', rules).map((p) => p.start)).toEqual([
      '2030-01-14',
      '2030-01-21',
      '2030-01-28',
    ]);
    expect(periodsBetween('monthly', '2030-01-01', '2030-03-01', rules).map((p) => p.start)).toEqual([
      '2030-01-01',
      '2030-02-01',
      '2030-03-01',
    ]);
  });

  it('the local date follows the organization time zone', () => {
    expect(localDateOf(new Date('2030-01-09T17:00:00Z'), TZ)).toBe('2030-01-10');
    expect(localDateOf(new Date('2030-01-09T15:59:00Z'), TZ)).toBe('2030-01-09');
  });
});
