import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf, DateOnly, VersionOrZero } from './common.js';
import { AmountFen, CURRENCY_PATTERN, Currency, DEFAULT_CURRENCY } from './money.js';
import { ApprovalBusinessType } from './vocabulary.js';
import { CustomFieldValues } from './custom-fields.js';

/**
 * Order states (订单状态): draft 草稿 → pending_approval 待审批 (a price below the seller's authority)
 * → submitted 待确认 (awaiting finance) → confirmed 已确认 → shipped 已发货 → completed 已完成, or
 * cancelled 已取消.
 */
export const ORDER_STATUSES = [
  'draft',
  'pending_approval',
  'submitted',
  'confirmed',
  'shipped',
  'completed',
  'cancelled',
] as const;
export const OrderStatus = Type.Enum(ORDER_STATUSES);
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Finance settings: over the credit limit on confirmation, warn and pass or block. */
export const CREDIT_MODES = ['warn', 'block'] as const;
export const CreditMode = Type.Enum(CREDIT_MODES);
export type CreditMode = (typeof CREDIT_MODES)[number];

export const MAX_ORDER_LINES = 200;
export const MAX_LINE_QUANTITY = 10_000_000;

export const OrderLine = Type.Object({
  id: Id,
  lineNo: Type.Integer(),
  productId: Id,
  productCode: Type.String(),
  productName: Type.String(),
  unit: Type.String(),
  quantity: Type.Integer(),
  unitPriceFen: AmountFen,
  /** Discount in basis points: 1000 = 10 % off. */
  discountBp: Type.Integer({ minimum: 0, maximum: 10000 }),
  lineTotalFen: Type.Integer({ minimum: 0 }),
  listPriceFen: AmountFen,
  unitCostFen: AmountFen,
});
export type OrderLine = Static<typeof OrderLine>;

/** The latest approval request of one kind on an order (price below authority, credit override). */
export const OrderApproval = Type.Object({
  requestId: Id,
  businessType: ApprovalBusinessType,
  status: Type.String(),
});
export type OrderApproval = Static<typeof OrderApproval>;

/** Confirming over the credit limit in warn mode passes, with these figures. */
export const CreditWarning = Type.Object({
  limitFen: Type.Integer({ minimum: 0 }),
  outstandingFen: Type.Integer({ minimum: 0 }),
  orderFen: Type.Integer({ minimum: 0 }),
});
export type CreditWarning = Static<typeof CreditWarning>;

const orderFields = {
  id: Id,
  orderNo: Type.String(),
  customerId: Id,
  customerName: Type.String(),
  /** The customer's current lifecycle stage. */
  customerStage: Type.String(),
  ownerId: Id,
  ownerName: Nullable(Type.String()),
  status: OrderStatus,
  currency: Currency,
  orderDate: DateOnly,
  warehouseId: Nullable(Id),
  totalFen: Type.Integer({ minimum: 0 }),
  costFen: Type.Integer({ minimum: 0 }),
  paidFen: Type.Integer({ minimum: 0 }),
  notes: Nullable(Type.String()),
  submittedAt: Nullable(Timestamp),
  creditOverrideReason: Nullable(Type.String()),
  creditOverrideBy: Nullable(Id),
  creditOverrideByName: Nullable(Type.String()),
  confirmedAt: Nullable(Timestamp),
  confirmedBy: Nullable(Id),
  shippedAt: Nullable(Timestamp),
  completedAt: Nullable(Timestamp),
  cancelledAt: Nullable(Timestamp),
  cancelReason: Nullable(Type.String()),
  /** The customer's first confirmed order under first-order care (首单): quality and delivery must not go wrong. */
  isFirstOrder: Type.Boolean(),
  /** The opportunity the order closes; confirming the order wins it when still open. */
  opportunityId: Nullable(Id),
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer(),
};

export const OrderSummary = Type.Object(orderFields);
export type OrderSummary = Static<typeof OrderSummary>;
export const OrderPage = pageOf(OrderSummary);
export type OrderPage = Static<typeof OrderPage>;

export const Order = Type.Object({
  ...orderFields,
  lines: Type.Array(OrderLine),
  approvals: Type.Array(OrderApproval),
  /** The linked opportunity's name, when the reader can see it. */
  opportunityName: Nullable(Type.String()),
  /** Values of the organization's order custom fields by key; fields hidden from the reader are left out. */
  customFields: CustomFieldValues,
  /** Only on the answer to a confirmation that passed over the limit in warn mode. */
  creditWarning: Type.Optional(CreditWarning),
});
export type Order = Static<typeof Order>;

export const ORDER_SORTS = ['-createdAt', '-totalFen'] as const;
export const OrderListQuery = Type.Object(
  {
    ...PageQuery,
    /** Order number or customer name. */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    status: Type.Optional(OrderStatus),
    customerId: Type.Optional(Id),
    /** Orders that close this opportunity. */
    opportunityId: Type.Optional(Id),
    ownerId: Type.Optional(Id),
    /** Only orders owned by the caller. */
    mine: Type.Optional(Type.Boolean()),
    /** Only first orders (首单) under first-order care. */
    firstOrder: Type.Optional(Type.Boolean()),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    sort: Type.Optional(Type.Enum(ORDER_SORTS)),
  },
  { additionalProperties: false },
);
export type OrderListQuery = Static<typeof OrderListQuery>;

export const OrderLineInput = Type.Object(
  {
    productId: Id,
    quantity: Type.Integer({ minimum: 1, maximum: MAX_LINE_QUANTITY }),
    /** Defaults to the product's list price. */
    unitPriceFen: Type.Optional(AmountFen),
    discountBp: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  { additionalProperties: false },
);
export type OrderLineInput = Static<typeof OrderLineInput>;
const OrderLines = Type.Array(OrderLineInput, { minItems: 1, maxItems: MAX_ORDER_LINES });
const Notes = Type.String({ maxLength: 1000 });

/** The owner is the customer's owner, also when finance or a clerk enters the order. */
export const CreateOrderBody = Type.Object(
  {
    customerId: Id,
    ownerId: Type.Optional(Id),
    /** Defaults to today in the organization's time zone. */
    orderDate: Type.Optional(DateOnly),
    warehouseId: Type.Optional(Nullable(Id)),
    /** An open opportunity of the same customer that this order closes. */
    opportunityId: Type.Optional(Nullable(Id)),
    currency: Type.Optional(Type.String({ pattern: CURRENCY_PATTERN, default: DEFAULT_CURRENCY })),
    notes: Type.Optional(Nullable(Notes)),
    lines: OrderLines,
    customFields: Type.Optional(CustomFieldValues),
  },
  { additionalProperties: false },
);
export type CreateOrderBody = Static<typeof CreateOrderBody>;

/** Drafts only; `lines` replaces every line. */
export const UpdateOrderBody = Type.Object(
  {
    orderDate: Type.Optional(DateOnly),
    warehouseId: Type.Optional(Nullable(Id)),
    opportunityId: Type.Optional(Nullable(Id)),
    currency: Type.Optional(Currency),
    notes: Type.Optional(Nullable(Notes)),
    lines: Type.Optional(OrderLines),
    /** Only the keys sent change; `null` clears one. */
    customFields: Type.Optional(CustomFieldValues),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateOrderBody = Static<typeof UpdateOrderBody>;

export const OrderTransitionBody = Type.Object(
  { version: Type.Optional(VersionField) },
  { additionalProperties: false },
);
export type OrderTransitionBody = Static<typeof OrderTransitionBody>;

/** Over the limit in block mode, a holder of credit.override passes the order with a reason. */
export const ConfirmOrderBody = Type.Object(
  {
    version: Type.Optional(VersionField),
    creditOverrideReason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ConfirmOrderBody = Static<typeof ConfirmOrderBody>;

export const OrderReasonBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }), version: Type.Optional(VersionField) },
  { additionalProperties: false },
);
export type OrderReasonBody = Static<typeof OrderReasonBody>;

// ---- Credit (信用) ----

export const CustomerCredit = Type.Object({
  customerId: Id,
  /** Null: the customer has no limit. */
  limitFen: Nullable(Type.Integer({ minimum: 0 })),
  termDays: Type.Integer({ minimum: 0 }),
  currency: Currency,
  /** Confirmed, shipped and completed orders not yet paid. */
  outstandingFen: Type.Integer(),
  /** Null without a limit; may be negative when the limit is exceeded. */
  availableFen: Nullable(Type.Integer()),
  overdueFen: Type.Integer(),
  /** 0 while the customer has no credit row. */
  version: Type.Integer({ minimum: 0 }),
});
export type CustomerCredit = Static<typeof CustomerCredit>;

export const PutCustomerCreditBody = Type.Object(
  {
    limitFen: AmountFen,
    termDays: Type.Integer({ minimum: 0, maximum: 3650 }),
    /** The version read; leave out (or 0) when the customer had no credit row. */
    version: Type.Optional(VersionOrZero),
  },
  { additionalProperties: false },
);
export type PutCustomerCreditBody = Static<typeof PutCustomerCreditBody>;

export const CreditReportRow = Type.Object({
  id: Id,
  customerId: Id,
  customerName: Type.String(),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  limitFen: Nullable(Type.Integer()),
  termDays: Nullable(Type.Integer()),
  usedFen: Type.Integer(),
  availableFen: Nullable(Type.Integer()),
  overdueFen: Type.Integer(),
  creditVersion: Type.Integer({ minimum: 0 }),
});
export type CreditReportRow = Static<typeof CreditReportRow>;
export const CreditReportPage = pageOf(CreditReportRow);
export type CreditReportPage = Static<typeof CreditReportPage>;

export const CREDIT_REPORT_SORTS = ['-used', 'name'] as const;
export const CreditReportQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** Only customers over their limit. */
    overOnly: Type.Optional(Type.Boolean()),
    sort: Type.Optional(Type.Enum(CREDIT_REPORT_SORTS)),
  },
  { additionalProperties: false },
);
export type CreditReportQuery = Static<typeof CreditReportQuery>;

// ---- Finance settings (财务设置) ----

export const FinanceSettings = Type.Object({
  creditMode: CreditMode,
  defaultTermDays: Type.Integer(),
  orderNoPrefix: Type.String(),
  pyramidPlatinumPct: Type.Integer(),
  pyramidGoldPct: Type.Integer(),
  abcAPct: Type.Integer(),
  abcBPct: Type.Integer(),
  /** 0 while the organization uses the defaults. */
  version: Type.Integer({ minimum: 0 }),
});
export type FinanceSettings = Static<typeof FinanceSettings>;

export const PutFinanceSettingsBody = Type.Object(
  {
    creditMode: CreditMode,
    defaultTermDays: Type.Integer({ minimum: 0, maximum: 3650 }),
    orderNoPrefix: Type.String({ minLength: 1, maxLength: 8, pattern: '^[A-Z0-9-]{1,8}$' }),
    pyramidPlatinumPct: Type.Integer({ minimum: 1, maximum: 50 }),
    pyramidGoldPct: Type.Integer({ minimum: 2, maximum: 90 }),
    abcAPct: Type.Integer({ minimum: 50, maximum: 95 }),
    abcBPct: Type.Integer({ minimum: 51, maximum: 99 }),
    version: VersionOrZero,
  },
  { additionalProperties: false },
);
export type PutFinanceSettingsBody = Static<typeof PutFinanceSettingsBody>;
