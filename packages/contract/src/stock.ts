import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf, DateOnly } from './common.js';

/** Stock movement kinds (出入库, domain §1) and their states (issue 5). */
export const STOCK_MOVEMENT_KINDS = ['receipt', 'issue', 'transfer', 'adjustment'] as const;
export const StockMovementKind = Type.Enum(STOCK_MOVEMENT_KINDS);
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];
export const STOCK_MOVEMENT_STATUSES = ['pending', 'done', 'cancelled'] as const;
export const StockMovementStatus = Type.Enum(STOCK_MOVEMENT_STATUSES);
export type StockMovementStatus = (typeof STOCK_MOVEMENT_STATUSES)[number];

/**
 * Quantities are whole units. One movement and the stock on hand of one product in one warehouse
 * are each at most this, which keeps every level inside its integer column (receipts past it: 400).
 */
export const MAX_STOCK_QUANTITY = 1_000_000_000;
/** Below this many available units a stock row counts as low (`lowOnly`, highlighted in the UI). */
export const LOW_STOCK_THRESHOLD = 10;

// ---- Warehouses (仓库) ----

export const Warehouse = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  address: Nullable(Type.String()),
  isDefault: Type.Boolean(),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Warehouse = Static<typeof Warehouse>;
export const WarehouseList = Type.Object({ items: Type.Array(Warehouse) });
export type WarehouseList = Static<typeof WarehouseList>;

const WarehouseCode = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' });
const WarehouseName = Type.String({ minLength: 1, maxLength: 64 });
const WarehouseAddress = Nullable(Type.String({ maxLength: 200 }));

export const CreateWarehouseBody = Type.Object(
  {
    code: WarehouseCode,
    name: WarehouseName,
    address: Type.Optional(WarehouseAddress),
    /** Making this the default clears the previous default in the same transaction. */
    isDefault: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateWarehouseBody = Static<typeof CreateWarehouseBody>;

export const UpdateWarehouseBody = Type.Object(
  {
    code: Type.Optional(WarehouseCode),
    name: Type.Optional(WarehouseName),
    address: Type.Optional(WarehouseAddress),
    isDefault: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateWarehouseBody = Static<typeof UpdateWarehouseBody>;

// ---- Stock levels (库存) ----

export const StockLevel = Type.Object({
  /** `warehouseId:productId`, stable for keys and cursors. */
  id: Type.String(),
  warehouseId: Id,
  warehouseCode: Type.String(),
  warehouseName: Type.String(),
  productId: Id,
  productCode: Type.String(),
  productName: Type.String(),
  unit: Type.String(),
  onHand: Type.Integer(),
  reserved: Type.Integer(),
  /** On hand minus reserved: what new orders may still take. */
  available: Type.Integer(),
  low: Type.Boolean(),
  updatedAt: Timestamp,
});
export type StockLevel = Static<typeof StockLevel>;
export const StockLevelPage = pageOf(StockLevel);
export type StockLevelPage = Static<typeof StockLevelPage>;

export const StockListQuery = Type.Object(
  {
    ...PageQuery,
    warehouseId: Type.Optional(Id),
    productId: Type.Optional(Id),
    /** Product code or name. */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    lowOnly: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type StockListQuery = Static<typeof StockListQuery>;

/** Totals per product over all warehouses. */
export const StockSummaryItem = Type.Object({
  productId: Id,
  productCode: Type.String(),
  productName: Type.String(),
  unit: Type.String(),
  onHand: Type.Integer(),
  reserved: Type.Integer(),
  available: Type.Integer(),
});
export type StockSummaryItem = Static<typeof StockSummaryItem>;
export const StockSummary = Type.Object({ items: Type.Array(StockSummaryItem) });
export type StockSummary = Static<typeof StockSummary>;
export const StockSummaryQuery = Type.Object({ productId: Type.Optional(Id) }, { additionalProperties: false });
export type StockSummaryQuery = Static<typeof StockSummaryQuery>;

// ---- Movements (出入库) ----

export const StockMovement = Type.Object({
  id: Id,
  kind: StockMovementKind,
  status: StockMovementStatus,
  warehouseId: Id,
  warehouseName: Type.String(),
  toWarehouseId: Nullable(Id),
  toWarehouseName: Nullable(Type.String()),
  productId: Id,
  productCode: Type.String(),
  productName: Type.String(),
  unit: Type.String(),
  /** Signed for adjustments, positive otherwise. */
  quantity: Type.Integer(),
  reason: Nullable(Type.String()),
  orderId: Nullable(Id),
  /** Null also when the order's customer is outside the caller's data scope. */
  orderNo: Nullable(Type.String()),
  createdBy: Id,
  createdByName: Nullable(Type.String()),
  createdAt: Timestamp,
  confirmedBy: Nullable(Id),
  confirmedByName: Nullable(Type.String()),
  confirmedAt: Nullable(Timestamp),
});
export type StockMovement = Static<typeof StockMovement>;
export const StockMovementPage = pageOf(StockMovement);
export type StockMovementPage = Static<typeof StockMovementPage>;

export const StockMovementListQuery = Type.Object(
  {
    ...PageQuery,
    kind: Type.Optional(StockMovementKind),
    status: Type.Optional(StockMovementStatus),
    /** Source or target warehouse. */
    warehouseId: Type.Optional(Id),
    productId: Type.Optional(Id),
    orderId: Type.Optional(Id),
    /** Created on or after this day / on or before this day (server time zone). */
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type StockMovementListQuery = Static<typeof StockMovementListQuery>;

/**
 * A manual movement, applied at once. Order issues are created by order confirmation instead;
 * an issue here is a manual one (samples, scrap) and needs a reason like transfers and adjustments.
 */
export const CreateStockMovementBody = Type.Object(
  {
    kind: StockMovementKind,
    warehouseId: Id,
    /** Transfers only: the receiving warehouse. */
    toWarehouseId: Type.Optional(Nullable(Id)),
    productId: Id,
    /** Whole units > 0; adjustments: the signed, non-zero change. */
    quantity: Type.Integer({ minimum: -MAX_STOCK_QUANTITY, maximum: MAX_STOCK_QUANTITY }),
    reason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type CreateStockMovementBody = Static<typeof CreateStockMovementBody>;

/** An order's pending issues, for the warehouse's "to confirm" screen. */
export const PendingIssue = Type.Object({
  orderId: Id,
  orderNo: Type.String(),
  /** A first order (首单) under first-order care: issue it with extra care. */
  isFirstOrder: Type.Boolean(),
  customerId: Id,
  customerName: Type.String(),
  warehouseId: Id,
  warehouseName: Type.String(),
  createdAt: Timestamp,
  lines: Type.Array(
    Type.Object({
      movementId: Id,
      productId: Id,
      productCode: Type.String(),
      productName: Type.String(),
      unit: Type.String(),
      quantity: Type.Integer(),
      /** On hand in the warehouse now (the reservation is already counted in it). */
      onHand: Type.Integer(),
    }),
  ),
});
export type PendingIssue = Static<typeof PendingIssue>;
export const PendingIssueList = Type.Object({ items: Type.Array(PendingIssue) });
export type PendingIssueList = Static<typeof PendingIssueList>;
export const PendingIssueQuery = Type.Object(
  { warehouseId: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })) },
  { additionalProperties: false },
);
export type PendingIssueQuery = Static<typeof PendingIssueQuery>;
