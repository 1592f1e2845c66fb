import type { PoolCustomer } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/**
 * A pool's customers in a file: number, name and kind, then the fields a pool may show before
 * claiming (empty where this pool does not show them); the reader's hidden fields are left out.
 */
export const POOL_CUSTOMER_EXPORT_COLUMNS: readonly ExportColumn<PoolCustomer>[] = [
  { header: 'column.customerNo', value: (c) => c.customerNo, width: 12 },
  { header: 'column.customerName', value: (c) => c.name, width: 30 },
  { header: 'column.customerKind', value: (c, f) => f.label('kind', c.kind), width: 10 },
  { header: 'field.stage', value: (c, f) => f.label('stage', c.stage), width: 14 },
  { header: 'field.tier', value: (c, f) => f.label('tier', c.tier), width: 12 },
  { header: 'field.source', value: (c, f) => f.label('source', c.source), width: 12 },
  { header: 'field.industry', value: (c, f) => f.label('industry', c.industry) },
  { header: 'field.city', value: (c) => c.city, width: 10 },
  { header: 'field.phone', value: (c) => c.phone, protectedField: 'customers.phone', width: 18 },
  { header: 'field.email', value: (c) => c.email, protectedField: 'customers.email', width: 24 },
  { header: 'field.address', value: (c) => c.address, protectedField: 'customers.address', width: 30 },
  { header: 'field.remarks', value: (c) => c.remarks, protectedField: 'customers.remarks', width: 30 },
];
