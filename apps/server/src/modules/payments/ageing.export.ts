import type { AgeingRow } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The receivables ageing table in a file: one customer (or owner) per row, amounts in yuan. */
export const AGEING_EXPORT_COLUMNS: readonly ExportColumn<AgeingRow>[] = [
  { header: 'ageingExport.name', value: (r, f) => r.name ?? f.label('ageingExport', 'deleted'), width: 28 },
  { header: 'ageingExport.notDue', value: (r, f) => f.money(r.notDueFen), kind: 'money' },
  { header: 'ageingExport.days0to30', value: (r, f) => f.money(r.days0to30Fen), kind: 'money' },
  { header: 'ageingExport.days31to60', value: (r, f) => f.money(r.days31to60Fen), kind: 'money' },
  { header: 'ageingExport.days61to90', value: (r, f) => f.money(r.days61to90Fen), kind: 'money' },
  { header: 'ageingExport.over90', value: (r, f) => f.money(r.over90Fen), kind: 'money' },
  { header: 'ageingExport.total', value: (r, f) => f.money(r.totalFen), kind: 'money' },
];
