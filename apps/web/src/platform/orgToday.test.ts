import { afterEach, describe, expect, it } from 'vitest';
import { orgDateOf, orgToday, setOrgTimeZone } from './orgToday';

afterEach(() => setOrgTimeZone(undefined));

describe("the organization's today", () => {
  it('is already tomorrow in Shanghai at 17:00 UTC, whatever zone the device is in', () => {
    const evening = new Date('2026-12-07T17:00:00Z');
    setOrgTimeZone('Asia/Shanghai');
    expect(orgDateOf(evening)).toBe('2026-12-08');
    expect(orgToday(evening).format('YYYY-MM-DD')).toBe('2026-12-08');
  });

  it('is still yesterday in Los Angeles at 05:00 UTC', () => {
    setOrgTimeZone('America/Los_Angeles');
    expect(orgToday(new Date('2026-12-07T05:00:00Z')).format('YYYY-MM-DD')).toBe('2026-12-06');
  });

  it('starts at local midnight so date pickers and period maths see a plain day', () => {
    setOrgTimeZone('Asia/Shanghai');
    const today = orgToday(new Date('2026-03-01T02:00:00Z'));
    expect([today.hour(), today.minute(), today.date(), today.month() + 1]).toEqual([0, 0, 1, 3]);
  });
});
