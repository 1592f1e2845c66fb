import type { StockLevel, StockMovement } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The stock level list's columns in a file. */
export const STOCK_LEVEL_EXPORT_COLUMNS: readonly ExportColumn<StockLevel>[] = [
  { header: 'field.warehouseId', value: (s) => s.warehouseName, width: 16 },
  { header: 'stockExport.productCode', value: (s) => s.productCode, width: 14 },
  { header: 'field.productId', value: (s) => s.productName, width: 24 },
  { header: 'stockExport.unit', value: (s) => s.unit, width: 6 },
  { header: 'stockExport.onHand', value: (s) => s.onHand, kind: 'number' },
  { header: 'stockExport.reserved', value: (s) => s.reserved, kind: 'number' },
  { header: 'stockExport.available', value: (s) => s.available, kind: 'number' },
  { header: 'stockExport.low', value: (s, f) => f.yesNo(s.low), width: 8 },
  { header: 'column.updatedAt', value: (s, f) => f.dateTime(s.updatedAt), width: 17 },
];

/** The stock movement list's (出入库) columns in a file. */
export const STOCK_MOVEMENT_EXPORT_COLUMNS: readonly ExportColumn<StockMovement>[] = [
  { header: 'column.createdAt', value: (m, f) => f.dateTime(m.createdAt), width: 17 },
  { header: 'stockExport.kind', value: (m, f) => f.label('stockMovementKind', m.kind), width: 10 },
  { header: 'stockExport.status', value: (m, f) => f.label('stockMovementStatus', m.status), width: 10 },
  { header: 'field.warehouseId', value: (m) => m.warehouseName, width: 16 },
  { header: 'field.toWarehouseId', value: (m) => m.toWarehouseName, width: 16 },
  { header: 'stockExport.productCode', value: (m) => m.productCode, width: 14 },
  { header: 'field.productId', value: (m) => m.productName, width: 24 },
  { header: 'field.quantity', value: (m) => m.quantity, kind: 'number' },
  { header: 'stockExport.unit', value: (m) => m.unit, width: 6 },
  { header: 'column.orderNo', value: (m) => m.orderNo, width: 16 },
  {
    header: 'stockExport.reason',
    // Order issues carry the fixed reason 'order', shown in the reader's language as on screen.
    value: (m, f) => (m.orderId && m.reason === 'order' ? f.label('stockExport', 'reasonOrder') : m.reason),
    width: 24,
  },
  { header: 'column.createdBy', value: (m) => m.createdByName, width: 12 },
  { header: 'stockExport.confirmedBy', value: (m) => m.confirmedByName, width: 12 },
  { header: 'stockExport.confirmedAt', value: (m, f) => f.dateTime(m.confirmedAt), width: 17 },
];
