import type { Expense } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The expense list's columns in a file: the amount as a yuan number. */
export const EXPENSE_EXPORT_COLUMNS: readonly ExportColumn<Expense>[] = [
  { header: 'field.spentOn', value: (e) => e.spentOn, width: 12 },
  { header: 'field.employeeId', value: (e) => e.employeeName, width: 12 },
  { header: 'field.category', value: (e, f) => f.label('expenseCategory', e.category), width: 10 },
  { header: 'column.amountYuan', value: (e, f) => f.money(e.amountFen), kind: 'money' },
  { header: 'field.currency', value: (e) => e.currency, width: 8 },
  { header: 'column.customer', value: (e) => e.customerName, width: 30 },
  { header: 'field.description', value: (e) => e.description, width: 40 },
  { header: 'field.status', value: (e, f) => f.label('expenseStatus', e.status), width: 10 },
  { header: 'column.attachments', value: (e) => e.attachmentCount, kind: 'number' },
  { header: 'column.decidedAt', value: (e, f) => f.dateTime(e.decidedAt), width: 17 },
];
