import type { RfmGridCell, RfmSegment, RfmSegmentSummary } from '@guanxi/contract';

/** The behaviours across (R and F above or below average), value first. */
const BEHAVIOURS = ['value', 'retain', 'develop', 'winback'] as const;

/**
 * The segment matrix as shown: the important row (M above average) over the general one, each in
 * the behaviour order value, retain, develop, win-back; a segment missing from the answer counts zero.
 */
export function segmentMatrix(segments: readonly RfmSegmentSummary[]): {
  important: RfmSegmentSummary[];
  general: RfmSegmentSummary[];
} {
  const bySegment = new Map(segments.map((s) => [s.segment, s]));
  const row = (weight: 'important' | 'general') =>
    BEHAVIOURS.map((behaviour) => {
      const segment = `${weight}_${behaviour}` as RfmSegment;
      return bySegment.get(segment) ?? { segment, count: 0, revenueFen: 0, revenueSharePct: null };
    });
  return { important: row('important'), general: row('general') };
}

/**
 * The R × F grid as ECharts heatmap points `[f − 1, r − 1, count]` (x = F 1…5, y = R 1…5), and the
 * largest count for the colour scale (at least 1, so an empty grid still draws).
 */
export function heatmapPoints(grid: readonly RfmGridCell[]): { points: [number, number, number][]; max: number } {
  const points = grid.map((cell): [number, number, number] => [cell.f - 1, cell.r - 1, cell.count]);
  return { points, max: Math.max(1, ...grid.map((cell) => cell.count)) };
}
