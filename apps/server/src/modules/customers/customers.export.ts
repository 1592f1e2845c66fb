import type { ExportColumn } from '../../platform/export/index.js';
import type { CustomerFileRow } from './customer-file.repository.js';

/**
 * The customer list's columns in a file (rows as customer-file.repository reads them): what the
 * list and the detail page show, labels in the reader's language; phone, email, address and
 * remarks follow the reader's field permissions.
 */
export const CUSTOMER_EXPORT_COLUMNS: readonly ExportColumn<CustomerFileRow>[] = [
  { header: 'column.customerNo', value: (c) => c.customerNo, width: 12 },
  { header: 'column.customerName', value: (c) => c.name, width: 30 },
  { header: 'column.customerKind', value: (c, f) => f.label('kind', c.kind), width: 10 },
  { header: 'field.stage', value: (c, f) => f.label('stage', c.stage), width: 14 },
  { header: 'column.daysInStage', value: (c) => c.daysInStage, kind: 'number', width: 14 },
  { header: 'field.tier', value: (c, f) => f.label('tier', c.tier), width: 12 },
  { header: 'field.source', value: (c, f) => f.label('source', c.source), width: 12 },
  { header: 'field.rfmSegment', value: (c, f) => f.label('rfmSegment', c.rfmSegment), width: 14 },
  { header: 'field.phone', value: (c) => c.phone, protectedField: 'customers.phone', width: 18 },
  { header: 'field.email', value: (c) => c.email, protectedField: 'customers.email', width: 24 },
  { header: 'field.creditCode', value: (c) => c.creditCode, width: 22 },
  { header: 'field.industry', value: (c, f) => f.label('industry', c.industry) },
  { header: 'field.scale', value: (c, f) => f.label('scale', c.scale), width: 14 },
  { header: 'field.gender', value: (c, f) => f.label('gender', c.gender), width: 8 },
  { header: 'field.birthday', value: (c) => c.birthday, width: 12 },
  { header: 'field.province', value: (c) => c.province, width: 10 },
  { header: 'field.city', value: (c) => c.city, width: 10 },
  { header: 'field.district', value: (c) => c.district, width: 10 },
  { header: 'field.address', value: (c) => c.address, protectedField: 'customers.address', width: 30 },
  { header: 'field.website', value: (c) => c.website, width: 24 },
  { header: 'field.tags', value: (c) => c.tags, width: 20 },
  { header: 'field.remarks', value: (c) => c.remarks, protectedField: 'customers.remarks', width: 30 },
  { header: 'column.owner', value: (c) => c.ownerName, width: 12 },
  { header: 'column.createdAt', value: (c, f) => f.dateTime(c.createdAt), width: 17 },
  { header: 'column.updatedAt', value: (c, f) => f.dateTime(c.updatedAt), width: 17 },
];
