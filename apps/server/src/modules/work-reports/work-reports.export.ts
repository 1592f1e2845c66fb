import type { ReportStats, ReportStatsRow, WorkReport } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The work report list's columns in a file: the period, the author, the text and the review. */
export const WORK_REPORT_EXPORT_COLUMNS: readonly ExportColumn<WorkReport>[] = [
  { header: 'reportExport.kind', value: (r, f) => f.label('reportKind', r.kind), width: 8 },
  { header: 'reportExport.periodStart', value: (r) => r.periodStart, width: 12 },
  { header: 'reportExport.periodEnd', value: (r) => r.periodEnd, width: 12 },
  { header: 'reportExport.author', value: (r) => r.author.name, width: 12 },
  { header: 'reportExport.status', value: (r, f) => f.label('reportStatus', r.status), width: 10 },
  { header: 'reportExport.submittedAt', value: (r, f) => f.dateTime(r.submittedAt), width: 17 },
  { header: 'reportExport.late', value: (r, f) => f.yesNo(r.isLate), width: 8 },
  { header: 'field.work', value: (r) => r.work, width: 40 },
  { header: 'field.plan', value: (r) => r.plan, width: 40 },
  { header: 'field.problems', value: (r) => r.problems, width: 30 },
  { header: 'reportExport.newCustomers', value: (r) => r.counts.newCustomers, kind: 'number' },
  { header: 'reportExport.followUps', value: (r) => r.counts.followUps, kind: 'number' },
  { header: 'reportExport.visits', value: (r) => r.counts.visits, kind: 'number' },
  { header: 'reportExport.reviewer', value: (r) => r.reviewer?.name, width: 12 },
  { header: 'reportExport.score', value: (r) => r.score, kind: 'number' },
  { header: 'reportExport.reviewComment', value: (r) => r.reviewComment, width: 30 },
];

/** The statistics screen's table: a row per person, then the team's totals. */
export const reportStatsRows = (stats: ReportStats): ReportStatsRow[] => [
  ...stats.rows,
  { user: { id: '', name: '' }, departmentName: null, ...stats.team },
];

/** The statistics' columns; the team row's name is the word for "team total". */
export const REPORT_STATS_EXPORT_COLUMNS: readonly ExportColumn<ReportStatsRow>[] = [
  {
    header: 'reportExport.author',
    value: (r, f) => (r.user.id === '' ? f.label('reportExport', 'teamTotal') : r.user.name),
    width: 12,
  },
  { header: 'reportExport.department', value: (r) => r.departmentName, width: 14 },
  { header: 'reportExport.expected', value: (r) => r.expected, kind: 'number' },
  { header: 'reportExport.submitted', value: (r) => r.submitted, kind: 'number' },
  { header: 'reportExport.lateCount', value: (r) => r.late, kind: 'number' },
  { header: 'reportExport.missing', value: (r) => r.missing, kind: 'number' },
  { header: 'reportExport.reviewed', value: (r) => r.reviewed, kind: 'number' },
  { header: 'reportExport.unreviewed', value: (r) => r.unreviewed, kind: 'number' },
  { header: 'reportExport.averageScore', value: (r) => r.averageScore, kind: 'number' },
];
