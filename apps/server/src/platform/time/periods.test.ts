import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, localDateOf, mondayOf, periodOf, periodRange, periodsBetween } from './index.js';

const TZ = 'Asia/Shanghai';
const workdays = { workdays: [1, 2, 3, 4, 5] };

describe('calendar periods and day maths', () => {
  it('a daily period is the day, a weekly one Monday to Sunday, a monthly one the calendar month', () => {
    expect(periodOf('daily', '2030-01-09')).toEqual({ start: '2030-01-09', end: '2030-01-09' });
    expect(periodOf('weekly', '2030-01-09')).toEqual({ start: '2030-01-07', end: '2030-01-13' });
    expect(periodOf('weekly', '2030-01-13')).toEqual({ start: '2030-01-07', end: '2030-01-13' });
    expect(periodOf('monthly', '2028-02-15')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('monthly', '2030-12-31')).toEqual({ start: '2030-12-01', end: '2030-12-31' });
  });

  it('lists the workdays of a range as daily periods and the weeks starting in it', () => {
    expect(periodsBetween('daily', '2030-01-07', '2030-01-13', workdays).map((p) => p.start)).toEqual([
      '2030-01-07',
      '2030-01-08',
      '2030-01-09',
      '2030-01-10',
      '2030-01-11',
    ]);
    expect(periodsBetween('weekly', '2030-01-08', '2030-01-31', workdays).map((p) => p.start)).toEqual([
      '2030-01-14',
      '2030-01-21',
      '2030-01-28',
    ]);
    expect(periodsBetween('monthly', '2030-01-01', '2030-03-01', workdays).map((p) => p.start)).toEqual([
      '2030-01-01',
      '2030-02-01',
      '2030-03-01',
    ]);
  });

  it('a period covers local midnight of its first day up to local midnight after its last', () => {
    expect(periodRange({ start: '2030-01-07', end: '2030-01-13' }, TZ)).toEqual({
      from: new Date('2030-01-06T16:00:00Z'),
      to: new Date('2030-01-13T16:00:00Z'),
    });
  });

  it('day maths crosses month, year and leap-day boundaries; weeks start on Monday', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2030-12-31', 1)).toBe('2031-01-01');
    expect(addDays('2030-01-01', -1)).toBe('2029-12-31');
    expect(isoWeekday('2030-01-13')).toBe(7);
    expect(mondayOf('2030-01-13')).toBe('2030-01-07');
    expect(mondayOf('2030-01-07')).toBe('2030-01-07');
  });

  it('the local date follows the organization time zone', () => {
    expect(localDateOf(new Date('2030-01-09T17:00:00Z'), TZ)).toBe('2030-01-10');
    expect(localDateOf(new Date('2030-01-09T15:59:00Z'), TZ)).toBe('2030-01-09');
  });
});
