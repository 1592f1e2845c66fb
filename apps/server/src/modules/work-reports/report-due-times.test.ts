import { describe, expect, it } from 'vitest';
import { periodOf } from '../../platform/time/index.js';
import { DEFAULT_REPORT_SETTINGS } from './report-settings.js';
import { dueAtOf } from './report-due-times.js';

const TZ = 'Asia/Shanghai';
const rules = DEFAULT_REPORT_SETTINGS;

describe('report due times (domain §6)', () => {
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
});
