import { RFM_SEGMENTS, type RfmGridCell, type RfmSegment, type RfmSegmentSummary } from '@guanxi/contract';
import type { RfmGroupRow } from './rfm.repository.js';

/** The share of `part` in `base` in %, one decimal; null without a base. */
const shareOf = (part: number, base: number): number | null =>
  base > 0 ? Math.round((part * 1000) / base) / 10 : null;

/**
 * The matrix's fixed shape from the grouped rows: every segment in `RFM_SEGMENTS` order and every
 * cell of the R × F grid (R 5 … 1, F 1 … 5), zeros included, so a chart never moves its axes.
 */
export function rfmMatrixOf(rows: readonly RfmGroupRow[]): {
  scored: number;
  segments: RfmSegmentSummary[];
  grid: RfmGridCell[];
} {
  const bySegment = new Map(rows.filter((row) => row.segment !== null).map((row) => [row.segment, row]));
  const byCell = new Map(rows.filter((row) => row.r !== null).map((row) => [`${row.r}:${row.f}`, row]));
  const scored = [...bySegment.values()].reduce((sum, row) => sum + row.count, 0);
  const revenue = [...bySegment.values()].reduce((sum, row) => sum + row.revenueFen, 0);
  const segments = RFM_SEGMENTS.map((segment: RfmSegment) => {
    const row = bySegment.get(segment);
    const revenueFen = row?.revenueFen ?? 0;
    return { segment, count: row?.count ?? 0, revenueFen, revenueSharePct: shareOf(revenueFen, revenue) };
  });
  const grid: RfmGridCell[] = [];
  for (let r = 5; r >= 1; r--) {
    for (let f = 1; f <= 5; f++) {
      const cell = byCell.get(`${r}:${f}`);
      grid.push({ r, f, count: cell?.count ?? 0, revenueFen: cell?.revenueFen ?? 0 });
    }
  }
  return { scored, segments, grid };
}
