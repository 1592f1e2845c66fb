import type { Lead } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The lead list's columns in a file; contact details follow the customer field permissions that guard them. */
export const LEAD_EXPORT_COLUMNS: readonly ExportColumn<Lead>[] = [
  { header: 'column.personName', value: (l) => l.name, width: 14 },
  { header: 'field.companyName', value: (l) => l.companyName, width: 30 },
  { header: 'field.title', value: (l) => l.title, width: 14 },
  { header: 'field.mobile', value: (l) => l.mobile, protectedField: 'customers.phone', width: 18 },
  { header: 'field.phone', value: (l) => l.phone, protectedField: 'customers.phone', width: 18 },
  { header: 'field.wechat', value: (l) => l.wechat, protectedField: 'customers.phone', width: 16 },
  { header: 'field.email', value: (l) => l.email, protectedField: 'customers.email', width: 24 },
  { header: 'field.source', value: (l, f) => f.label('source', l.source), width: 12 },
  { header: 'field.status', value: (l, f) => f.label('leadStatus', l.status), width: 10 },
  { header: 'field.poolId', value: (l) => l.poolName, width: 14 },
  { header: 'column.owner', value: (l) => l.ownerName, width: 12 },
  { header: 'field.remarks', value: (l) => l.remarks, protectedField: 'customers.remarks', width: 30 },
  { header: 'column.convertedAt', value: (l, f) => f.dateTime(l.convertedAt), width: 17 },
  { header: 'column.createdAt', value: (l, f) => f.dateTime(l.createdAt), width: 17 },
  { header: 'column.updatedAt', value: (l, f) => f.dateTime(l.updatedAt), width: 17 },
];
