import type { Task } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The task list's columns in a file. */
export const TASK_EXPORT_COLUMNS: readonly ExportColumn<Task>[] = [
  { header: 'field.title', value: (t) => t.title, width: 30 },
  { header: 'field.description', value: (t) => t.description, width: 40 },
  { header: 'field.dueAt', value: (t, f) => f.dateTime(t.dueAt), width: 17 },
  { header: 'field.status', value: (t, f) => f.label('taskStatus', t.status), width: 10 },
  { header: 'column.overdue', value: (t, f) => f.yesNo(t.isOverdue), width: 8 },
  { header: 'field.assigneeId', value: (t) => t.assigneeName, width: 12 },
  { header: 'field.relatedId', value: (t) => t.relatedName, width: 24 },
  { header: 'column.createdBy', value: (t) => t.createdByName, width: 12 },
  { header: 'column.completedAt', value: (t, f) => f.dateTime(t.completedAt), width: 17 },
  { header: 'column.createdAt', value: (t, f) => f.dateTime(t.createdAt), width: 17 },
];
