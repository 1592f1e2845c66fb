import { describe, expect, it } from 'vitest';
import { nextRunAfter, startOfLocalDay } from './schedule.js';

describe('job schedules', () => {
  it('a daily job runs at the local time of the organization (Asia/Shanghai is UTC+8)', () => {
    const schedule = { kind: 'daily', at: '02:00' } as const;
    // 2026-03-10 01:00 in Shanghai → 02:00 the same local day.
    expect(nextRunAfter(schedule, new Date('2026-03-09T17:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-03-09T18:00:00.000Z',
    );
    // Just after 02:00 local → tomorrow 02:00 local.
    expect(nextRunAfter(schedule, new Date('2026-03-09T18:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-03-10T18:00:00.000Z',
    );
  });

  it('crosses month ends and follows daylight saving where a zone has it', () => {
    expect(
      nextRunAfter({ kind: 'daily', at: '23:30' }, new Date('2026-01-31T16:00:00Z'), 'Asia/Shanghai').toISOString(),
    ).toBe('2026-02-01T15:30:00.000Z');
    // New York switched to EDT (UTC-4) on 2026-03-08.
    expect(
      nextRunAfter({ kind: 'daily', at: '03:00' }, new Date('2026-03-08T12:00:00Z'), 'America/New_York').toISOString(),
    ).toBe('2026-03-09T07:00:00.000Z');
  });

  it('an interval job runs again after its interval', () => {
    expect(
      nextRunAfter({ kind: 'interval', minutes: 15 }, new Date('2026-03-09T17:00:00Z'), 'Asia/Shanghai').toISOString(),
    ).toBe('2026-03-09T17:15:00.000Z');
  });

  it('the local day starts at midnight in the zone', () => {
    expect(startOfLocalDay(new Date('2026-03-09T17:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-03-09T16:00:00.000Z',
    );
    expect(startOfLocalDay(new Date('2026-03-09T15:59:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-03-08T16:00:00.000Z',
    );
  });
});
