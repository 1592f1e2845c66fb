import type { Payment } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The payment list's columns in a file: the amount as a yuan number, voided payments marked. */
export const PAYMENT_EXPORT_COLUMNS: readonly ExportColumn<Payment>[] = [
  { header: 'field.receivedOn', value: (p) => p.receivedOn, width: 12 },
  { header: 'column.orderNo', value: (p) => p.orderNo, width: 16 },
  { header: 'column.customer', value: (p) => p.customerName, width: 30 },
  { header: 'column.amountYuan', value: (p, f) => f.money(p.amountFen), kind: 'money' },
  { header: 'field.currency', value: (p) => p.currency, width: 8 },
  { header: 'field.method', value: (p, f) => f.label('paymentMethod', p.method), width: 12 },
  { header: 'column.installment', value: (p) => p.installmentNo, kind: 'number' },
  { header: 'field.reference', value: (p) => p.reference, width: 18 },
  { header: 'field.notes', value: (p) => p.notes, width: 30 },
  { header: 'column.recordedBy', value: (p) => p.recordedByName, width: 12 },
  { header: 'column.voidedAt', value: (p, f) => f.dateTime(p.voidedAt), width: 17 },
  { header: 'column.voidReason', value: (p) => p.voidReason, width: 24 },
];
