import { describe, expect, it } from 'vitest';
import { heatmapPoints, segmentMatrix } from './rfmLayout';

describe('RFM matrix layout', () => {
  it('puts the important segments over the general ones in the order value, retain, develop, win-back', () => {
    const matrix = segmentMatrix([
      { segment: 'general_winback', count: 4, revenueFen: 100, revenueSharePct: 10 },
      { segment: 'important_value', count: 1, revenueFen: 900, revenueSharePct: 90 },
    ]);
    expect(matrix.important.map((s) => s.segment)).toEqual([
      'important_value',
      'important_retain',
      'important_develop',
      'important_winback',
    ]);
    expect(matrix.general.map((s) => [s.segment, s.count])).toEqual([
      ['general_value', 0],
      ['general_retain', 0],
      ['general_develop', 0],
      ['general_winback', 4],
    ]);
    expect(matrix.important[0]).toMatchObject({ count: 1, revenueSharePct: 90 });
    expect(matrix.important[1]!.revenueSharePct).toBeNull();
  });

  it('turns the R × F grid into heatmap points with F across and R up', () => {
    expect(
      heatmapPoints([
        { r: 5, f: 1, count: 3, revenueFen: 0 },
        { r: 1, f: 4, count: 7, revenueFen: 0 },
      ]),
    ).toEqual({
      points: [
        [0, 4, 3],
        [3, 0, 7],
      ],
      max: 7,
    });
    expect(heatmapPoints([]).max).toBe(1);
  });
});
