import { describe, expect, it } from 'vitest';
import { formatTimeLeft, progressFigures, roundRate } from './importProgress';

describe('import progress figures', () => {
  it('measures the rate since the start and estimates the rest at that rate', () => {
    expect(progressFigures({ done: 50, total: 200, startedAtMs: 0, nowMs: 10_000 })).toEqual({
      percent: 25,
      rowsPerSecond: 5,
      secondsLeft: 30,
    });
  });

  it('knows no rate or time left before the first row is done', () => {
    expect(progressFigures({ done: 0, total: 200, startedAtMs: 0, nowMs: 5_000 })).toEqual({
      percent: 0,
      rowsPerSecond: null,
      secondsLeft: null,
    });
    expect(progressFigures({ done: 10, total: 200, startedAtMs: null, nowMs: 5_000 }).secondsLeft).toBeNull();
  });

  it('shows 100 % only when every row is done', () => {
    expect(progressFigures({ done: 999, total: 1000, startedAtMs: 0, nowMs: 1000 }).percent).toBe(99);
    expect(progressFigures({ done: 1000, total: 1000, startedAtMs: 0, nowMs: 1000 }).percent).toBe(100);
    expect(progressFigures({ done: 0, total: 0, startedAtMs: 0, nowMs: 1000 }).percent).toBe(0);
  });
});

describe('time left as people say it', () => {
  it('says seconds under a minute and rounds minutes up', () => {
    expect(formatTimeLeft(30, 'en')).toBe('30 seconds');
    expect(formatTimeLeft(0.2, 'en')).toBe('1 second');
    expect(formatTimeLeft(150, 'zh-CN')).toBe('3分钟');
    expect(formatTimeLeft(61, 'en')).toBe('2 minutes');
  });

  it('says hours and minutes past an hour', () => {
    expect(formatTimeLeft(3900, 'en')).toBe('1 hour 5 minutes');
    expect(formatTimeLeft(3900, 'zh-CN')).toBe('1小时5分钟');
    expect(formatTimeLeft(7200, 'en')).toBe('2 hours');
  });

  it('rounds the rate to whole rows unless it is below one a second', () => {
    expect(roundRate(123.4)).toBe(123);
    expect(roundRate(0.44)).toBe(0.4);
  });
});
