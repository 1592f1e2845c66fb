import type { Visit } from '@guanxi/contract';
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
