import type { Visit, VisitWeekly } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The visit list's (拜访签到) columns in a file. */
export const VISIT_EXPORT_COLUMNS: readonly ExportColumn<Visit>[] = [
  { header: 'visitExport.checkedInAt', value: (v, f) => f.dateTime(v.checkedInAt), width: 17 },
  { header: 'visitExport.visitor', value: (v) => v.userName, width: 12 },
  { header: 'column.customer', value: (v) => v.customerName, width: 28 },
  { header: 'visitExport.address', value: (v) => v.address, width: 32 },
  { header: 'field.latitude', value: (v) => v.latitude, kind: 'number' },
  { header: 'field.longitude', value: (v) => v.longitude, kind: 'number' },
  { header: 'visitExport.accuracy', value: (v) => v.accuracyM, kind: 'number' },
  { header: 'field.note', value: (v) => v.note, width: 40 },
];

/** One person's counts in one week: the weekly report as a flat table, a row per person and week. */
export interface WeeklyVisitRow {
  userName: string | null;
  weekStart: string;
  visits: number;
  followUps: number;
}

/** The weekly report's rows in the order the screen shows them: per person, week by week. */
export const weeklyVisitRows = (weekly: VisitWeekly): WeeklyVisitRow[] =>
  weekly.rows.flatMap((row) =>
    weekly.periods.map((weekStart, index) => ({
      userName: row.userName,
      weekStart,
      visits: row.visits[index] ?? 0,
      followUps: row.followUps[index] ?? 0,
    })),
  );

export const WEEKLY_VISIT_EXPORT_COLUMNS: readonly ExportColumn<WeeklyVisitRow>[] = [
  { header: 'visitExport.visitor', value: (r) => r.userName, width: 12 },
  { header: 'visitExport.weekStart', value: (r) => r.weekStart, width: 12 },
  { header: 'visitExport.visits', value: (r) => r.visits, kind: 'number' },
  { header: 'visitExport.followUps', value: (r) => r.followUps, kind: 'number' },
];
