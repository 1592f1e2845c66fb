import type { NeglectedCustomers, TeamActivity } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** One person's counts in one day or week: the activity grid as a flat table. */
export interface ActivityExportRow {
  userName: string | null;
  periodStart: string;
  followUps: number;
  visits: number;
}

/** The grid's cells in the screen's order: per person, period by period. */
export const activityRows = (activity: TeamActivity): ActivityExportRow[] =>
  activity.rows.flatMap((row) =>
    activity.periods.map((periodStart, index) => ({
      userName: row.userName,
      periodStart,
      followUps: row.followUps[index] ?? 0,
      visits: row.visits[index] ?? 0,
    })),
  );

export const ACTIVITY_EXPORT_COLUMNS: readonly ExportColumn<ActivityExportRow>[] = [
  { header: 'teamExport.member', value: (r) => r.userName, width: 12 },
  { header: 'teamExport.periodStart', value: (r) => r.periodStart, width: 12 },
  { header: 'teamExport.followUps', value: (r) => r.followUps, kind: 'number' },
  { header: 'teamExport.visits', value: (r) => r.visits, kind: 'number' },
];

/** One owner's neglected customers per threshold; the last row is the team's total (no owner). */
export interface NeglectedExportRow {
  ownerName: string | null;
  isTotal: boolean;
  counts: number[];
}

export const neglectedRows = (neglected: NeglectedCustomers): NeglectedExportRow[] => [
  ...neglected.rows.map((row) => ({ ownerName: row.ownerName, isTotal: false, counts: row.counts })),
  { ownerName: null, isTotal: true, counts: neglected.totals },
];

const threshold = (
  index: number,
  header: 'teamExport.days7' | 'teamExport.days15' | 'teamExport.days30' | 'teamExport.days90' | 'teamExport.days180',
): ExportColumn<NeglectedExportRow> => ({ header, value: (r) => r.counts[index] ?? 0, kind: 'number', width: 14 });

/** Thresholds as NEGLECT_DAYS lists them (7, 15, 30, 90, 180 days without a follow-up). */
export const NEGLECTED_EXPORT_COLUMNS: readonly ExportColumn<NeglectedExportRow>[] = [
  {
    header: 'column.owner',
    value: (r, f) => (r.isTotal ? f.label('teamExport', 'total') : r.ownerName),
    width: 12,
  },
  threshold(0, 'teamExport.days7'),
  threshold(1, 'teamExport.days15'),
  threshold(2, 'teamExport.days30'),
  threshold(3, 'teamExport.days90'),
  threshold(4, 'teamExport.days180'),
];
