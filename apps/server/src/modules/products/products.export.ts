import type { Product } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The product list's columns in a file: prices as yuan numbers. */
export const PRODUCT_EXPORT_COLUMNS: readonly ExportColumn<Product>[] = [
  { header: 'field.code', value: (p) => p.code, width: 14 },
  { header: 'field.name', value: (p) => p.name, width: 30 },
  { header: 'field.categoryId', value: (p) => p.categoryName, width: 14 },
  { header: 'field.specification', value: (p) => p.specification, width: 20 },
  { header: 'field.unit', value: (p) => p.unit, width: 8 },
  { header: 'column.listPriceYuan', value: (p, f) => f.money(p.listPriceFen), kind: 'money' },
  { header: 'column.costPriceYuan', value: (p, f) => f.money(p.costPriceFen), kind: 'money' },
  { header: 'field.currency', value: (p) => p.currency, width: 8 },
  { header: 'field.active', value: (p, f) => f.yesNo(p.active), width: 8 },
  { header: 'field.description', value: (p) => p.description, width: 30 },
  { header: 'column.updatedAt', value: (p, f) => f.dateTime(p.updatedAt), width: 17 },
];
