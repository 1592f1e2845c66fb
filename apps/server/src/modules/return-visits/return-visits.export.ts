import type { ReturnVisit } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The return-visit list's columns in a file. */
export const RETURN_VISIT_EXPORT_COLUMNS: readonly ExportColumn<ReturnVisit>[] = [
  { header: 'field.customerId', value: (v) => v.customerName, width: 28 },
  { header: 'returnVisitExport.source', value: (v, f) => f.label('returnVisitSource', v.source), width: 12 },
  { header: 'field.orderId', value: (v) => v.orderNo, width: 14 },
  { header: 'returnVisitExport.dueDate', value: (v) => v.dueDate, width: 12 },
  { header: 'field.status', value: (v, f) => f.label('returnVisitStatus', v.status), width: 10 },
  { header: 'column.overdue', value: (v, f) => f.yesNo(v.isOverdue), width: 8 },
  { header: 'field.handlerId', value: (v) => v.handlerName, width: 12 },
  { header: 'field.outcome', value: (v, f) => f.label('returnVisitOutcome', v.outcome), width: 14 },
  { header: 'field.satisfaction', value: (v) => v.satisfaction, width: 8 },
  { header: 'returnVisitExport.lowScore', value: (v, f) => f.yesNo(v.isLowScore), width: 8 },
  { header: 'field.notes', value: (v) => v.notes, width: 40 },
  { header: 'returnVisitExport.doneAt', value: (v, f) => f.dateTime(v.doneAt), width: 17 },
  { header: 'returnVisitExport.doneBy', value: (v) => v.doneByName, width: 12 },
];
