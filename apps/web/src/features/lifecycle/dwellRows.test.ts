import type { LifecycleBoard, LifecycleCurrentStays } from '@guanxi/contract';
import { describe, expect, it } from 'vitest';
import { ownerDwellRows, stageDwellRows } from './dwellRows';

const stage = (code: 'prospect' | 'interested', count: number) => ({
  stage: code,
  count,
  entered: 0,
  medianDwellDays: null,
  p90DwellDays: null,
  endedStays: 0,
  stuck: 0,
});
const board = {
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  stages: [stage('prospect', 3), stage('interested', 1)],
  conversions: [],
  backwardMoves: [],
  stuckByOwner: [],
  dwellByOwner: [
    { ownerId: 'u1', ownerName: '张三', stage: 'prospect', endedStays: 2, medianDwellDays: 12, p90DwellDays: 20 },
  ],
} as LifecycleBoard;
const current: LifecycleCurrentStays = {
  at: '2026-12-01T00:00:00.000Z',
  stages: [
    { stage: 'prospect', customers: 3, medianDays: 9, p90Days: 30 },
    { stage: 'interested', customers: 1, medianDays: 2, p90Days: 2 },
  ],
  byOwner: [
    { ownerId: 'u1', ownerName: '张三', stage: 'prospect', customers: 2, medianDays: 5, p90Days: 8 },
    { ownerId: 'u2', ownerName: '李四', stage: 'interested', customers: 1, medianDays: 2, p90Days: 2 },
    { ownerId: null, ownerName: null, stage: 'prospect', customers: 1, medianDays: 30, p90Days: 30 },
  ],
};

describe('board dwell rows', () => {
  it('put each stage’s current stays beside its ended ones, and none while they are being counted', () => {
    expect(stageDwellRows(board, current).map((r) => [r.stage, r.openStays, r.openMedianDwellDays])).toEqual([
      ['prospect', 3, 9],
      ['interested', 1, 2],
    ]);
    expect(stageDwellRows(board, undefined).every((r) => r.openStays === 0 && r.openMedianDwellDays === null)).toBe(
      true,
    );
  });

  it('keep owners that have only ended or only current stays, by name (pinyin), the pool last', () => {
    const rows = ownerDwellRows(board, current);
    expect(rows.map((r) => [r.ownerName, r.stage, r.endedStays, r.openStays])).toEqual([
      ['李四', 'interested', 0, 1],
      ['张三', 'prospect', 2, 2],
      [null, 'prospect', 0, 1],
    ]);
  });
});
