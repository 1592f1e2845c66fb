import { describe, expect, it } from 'vitest';
import { iso } from './row-values.js';

describe('row values as the API sends them', () => {
  it('a Date and a database timestamp text both become ISO 8601 in UTC', () => {
    expect(iso(new Date('2030-01-09T02:00:00Z'))).toBe('2030-01-09T02:00:00.000Z');
    expect(iso('2030-01-09 10:00:00+08')).toBe('2030-01-09T02:00:00.000Z');
    expect(iso('2030-01-09T10:00:00.123456+08:00')).toBe('2030-01-09T02:00:00.123Z');
  });

  it('a missing timestamp stays null', () => {
    expect(iso(null)).toBeNull();
    expect(iso(undefined)).toBeNull();
  });
});
