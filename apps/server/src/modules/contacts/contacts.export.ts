import type { Contact } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The contact list's columns in a file; mobile, WeChat, email and remarks follow the customer field permissions. */
export const CONTACT_EXPORT_COLUMNS: readonly ExportColumn<Contact>[] = [
  { header: 'column.personName', value: (c) => c.name, width: 14 },
  { header: 'column.customer', value: (c) => c.customerName, width: 30 },
  { header: 'field.title', value: (c) => c.title, width: 14 },
  { header: 'field.department', value: (c) => c.department, width: 14 },
  { header: 'field.gender', value: (c, f) => f.label('gender', c.gender), width: 8 },
  { header: 'field.mobile', value: (c) => c.mobile, protectedField: 'customers.phone', width: 18 },
  { header: 'field.wechat', value: (c) => c.wechat, protectedField: 'customers.phone', width: 16 },
  { header: 'field.email', value: (c) => c.email, protectedField: 'customers.email', width: 24 },
  { header: 'field.isPrimary', value: (c, f) => f.yesNo(c.isPrimary), width: 10 },
  { header: 'field.isDecisionMaker', value: (c, f) => f.yesNo(c.isDecisionMaker), width: 10 },
  { header: 'field.remarks', value: (c) => c.remarks, protectedField: 'customers.remarks', width: 30 },
  { header: 'column.createdAt', value: (c, f) => f.dateTime(c.createdAt), width: 17 },
  { header: 'column.updatedAt', value: (c, f) => f.dateTime(c.updatedAt), width: 17 },
];
