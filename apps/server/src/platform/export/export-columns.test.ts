import { describe, expect, it } from 'vitest';
import { cellFormat } from './export-columns.js';

describe('export dates', () => {
  it('print every instant as the clock in the organization’s zone shows it, across daylight-saving changes', () => {
    const zones = [
      'Asia/Shanghai',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'Europe/London',
      'Africa/Casablanca',
      'America/Santiago',
    ];
    const intl = (zone: string) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    for (const zone of zones) {
      const format = cellFormat('zh-CN', zone);
      const expected = intl(zone);
      // Every 7 minutes and 13 seconds through a year: both changes of each zone that has them.
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 433_000) {
        const at = new Date(t);
        const printed = format.dateTime(at.toISOString());
        if (printed !== expected.format(at))
          expect(`${zone} ${at.toISOString()} → ${printed}`).toBe(expected.format(at));
        // The same instant as milliseconds (as flat file rows carry it), also with a fraction.
        if (format.dateTime(t + 0.5) !== printed) expect(format.dateTime(t + 0.5)).toBe(printed);
      }
    }
  });
});
