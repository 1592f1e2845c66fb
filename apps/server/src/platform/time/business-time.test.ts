import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, isWorkingDate, type WorkingCalendar } from './index.js';

const shanghai: WorkingCalendar = {
  timeZone: 'Asia/Shanghai',
  workStart: '09:00',
  workEnd: '18:00',
  workdays: [1, 2, 3, 4, 5],
  // 2030-10-01 (Tue) … 2030-10-03 national holiday; Sunday 2030-09-29 worked instead (调休).
  holidays: ['2030-10-01', '2030-10-02', '2030-10-03'],
  makeupWorkdays: ['2030-09-29'],
};
// Local Shanghai wall clock as an instant (UTC+8, no daylight saving).
const sh = (local: string) => new Date(`${local}+08:00`);

describe('business time', () => {
  it('adds minutes inside one working day', () => {
    expect(addBusinessMinutes(sh('2030-09-23T10:00:00'), 240, shanghai)).toEqual(sh('2030-09-23T14:00:00'));
    expect(businessMinutesBetween(sh('2030-09-23T10:00:00'), sh('2030-09-23T14:00:00'), shanghai)).toBe(240);
  });

  it('starts the clock at the next opening when created outside working hours', () => {
    expect(addBusinessMinutes(sh('2030-09-23T20:30:00'), 60, shanghai)).toEqual(sh('2030-09-24T10:00:00'));
    expect(addBusinessMinutes(sh('2030-09-24T07:00:00'), 60, shanghai)).toEqual(sh('2030-09-24T10:00:00'));
    expect(addBusinessMinutes(sh('2030-09-24T07:00:00'), 0, shanghai)).toEqual(sh('2030-09-24T07:00:00'));
  });

  it('skips a weekend: Friday 17:00 plus 4 business hours is Monday 12:00', () => {
    // 2030-09-20 is a Friday.
    const friday = sh('2030-09-20T17:00:00');
    const due = addBusinessMinutes(friday, 240, shanghai);
    expect(due).toEqual(sh('2030-09-23T12:00:00'));
    expect(businessMinutesBetween(friday, due, shanghai)).toBe(240);
    // Saturday and Sunday count nothing.
    expect(businessMinutesBetween(sh('2030-09-21T09:00:00'), sh('2030-09-22T23:00:00'), shanghai)).toBe(0);
    expect(businessMinutesBetween(due, friday, shanghai)).toBe(-240);
  });

  it('skips holidays and counts a make-up Sunday', () => {
    expect(isWorkingDate('2030-09-29', shanghai)).toBe(true);
    expect(isWorkingDate('2030-10-01', shanghai)).toBe(false);
    expect(isWorkingDate('2030-09-28', shanghai)).toBe(false);
    // Saturday 10:00: the clock starts on the make-up Sunday.
    expect(addBusinessMinutes(sh('2030-09-28T10:00:00'), 60, shanghai)).toEqual(sh('2030-09-29T10:00:00'));
    // Monday 2030-09-30 16:00 + 72 business hours (8 working days): the holiday Tue–Thu is skipped.
    const due = addBusinessMinutes(sh('2030-09-30T16:00:00'), 72 * 60, shanghai);
    // Mon 2 h, Fri 10-04 9 h, Mon–Fri 10-07…10-11 45 h (56), 10-14…10-15 18 h (74 > 72): Tue 10-15 16:00.
    expect(due).toEqual(sh('2030-10-15T16:00:00'));
    expect(businessMinutesBetween(sh('2030-09-30T16:00:00'), due, shanghai)).toBe(72 * 60);
  });

  it('counts in the calendar zone, across a daylight-saving change (America/New_York)', () => {
    const newYork: WorkingCalendar = { ...shanghai, timeZone: 'America/New_York', holidays: [], makeupWorkdays: [] };
    // Friday 2030-03-08 17:00 EST (UTC-5); clocks go forward on Sunday 2030-03-10; Monday is EDT (UTC-4).
    const friday = new Date('2030-03-08T17:00:00-05:00');
    const due = addBusinessMinutes(friday, 120, newYork);
    expect(due).toEqual(new Date('2030-03-11T10:00:00-04:00'));
    expect(businessMinutesBetween(friday, due, newYork)).toBe(120);
  });

  it('a calendar without any working day fails loudly instead of looping', () => {
    expect(() =>
      addBusinessMinutes(sh('2030-09-23T10:00:00'), 60, { ...shanghai, workdays: [], makeupWorkdays: [] }),
    ).toThrow();
  });
});
