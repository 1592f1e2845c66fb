import type { OrderSummary } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The order list's columns in a file: amounts as yuan numbers, so the sheet can sum them. */
export const ORDER_EXPORT_COLUMNS: readonly ExportColumn<OrderSummary>[] = [
  { header: 'column.orderNo', value: (o) => o.orderNo, width: 16 },
  { header: 'column.customer', value: (o) => o.customerName, width: 30 },
  { header: 'field.orderDate', value: (o) => o.orderDate, width: 12 },
  { header: 'field.status', value: (o, f) => f.label('orderStatus', o.status), width: 10 },
  { header: 'column.totalYuan', value: (o, f) => f.money(o.totalFen), kind: 'money' },
  { header: 'column.paidYuan', value: (o, f) => f.money(o.paidFen), kind: 'money' },
  {
    header: 'column.unpaidYuan',
    value: (o, f) => f.money(o.status === 'cancelled' ? 0 : o.totalFen - o.paidFen),
    kind: 'money',
  },
  { header: 'field.currency', value: (o) => o.currency, width: 8 },
  { header: 'column.owner', value: (o) => o.ownerName, width: 12 },
  { header: 'field.notes', value: (o) => o.notes, width: 30 },
  { header: 'column.confirmedAt', value: (o, f) => f.dateTime(o.confirmedAt), width: 17 },
  { header: 'column.createdAt', value: (o, f) => f.dateTime(o.createdAt), width: 17 },
];
