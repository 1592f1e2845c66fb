import type { WorkPlan } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The work plan list's columns in a file: the period, the author, plan vs actual and the review. */
export const WORK_PLAN_EXPORT_COLUMNS: readonly ExportColumn<WorkPlan>[] = [
  { header: 'planExport.kind', value: (p, f) => f.label('planKind', p.kind), width: 8 },
  { header: 'planExport.periodStart', value: (p) => p.periodStart, width: 12 },
  { header: 'planExport.periodEnd', value: (p) => p.periodEnd, width: 12 },
  { header: 'planExport.author', value: (p) => p.author.name, width: 12 },
  { header: 'planExport.status', value: (p, f) => f.label('planStatus', p.status), width: 10 },
  { header: 'planExport.itemCount', value: (p) => p.itemCount, kind: 'number' },
  { header: 'planExport.doneCount', value: (p) => p.doneCount, kind: 'number' },
  { header: 'planExport.completionRate', value: (p) => Math.round(p.completionRate * 100), kind: 'number' },
  { header: 'planExport.customers', value: (p) => p.items.map((item) => item.customerName).join('、'), width: 36 },
  { header: 'field.note', value: (p) => p.note, width: 30 },
  { header: 'planExport.submittedAt', value: (p, f) => f.dateTime(p.submittedAt), width: 17 },
  { header: 'planExport.reviewer', value: (p) => p.reviewer?.name, width: 12 },
  { header: 'planExport.decision', value: (p, f) => f.label('planDecision', p.reviewDecision), width: 10 },
  { header: 'planExport.reviewComment', value: (p) => p.reviewComment, width: 30 },
];
