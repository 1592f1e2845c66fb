import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, pageOf, DateOnly, VersionOrZero } from './common.js';
import { Currency, MAX_AMOUNT_FEN } from './money.js';

/** How a payment (回款) was received. */
export const PAYMENT_METHODS = [
  'bank_transfer',
  'cash',
  'cheque',
  'wechat',
  'alipay',
  'card',
  'acceptance_bill',
  'other',
] as const;
export const PaymentMethod = Type.Enum(PAYMENT_METHODS);
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Installment statuses (domain §5): overdue the day after the due date while not fully paid. */
export const INSTALLMENT_STATUSES = ['pending', 'partly_paid', 'paid', 'overdue'] as const;
export const InstallmentStatus = Type.Enum(INSTALLMENT_STATUSES);
export type InstallmentStatus = (typeof INSTALLMENT_STATUSES)[number];

/** An amount received or planned; zero passes the schema and is refused by the service with its own message. */
const AmountInputFen = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_FEN });
const FenSum = Type.Integer({ minimum: 0 });

// ---- Payments (回款) ----

export const Payment = Type.Object({
  id: Id,
  orderId: Id,
  orderNo: Type.String(),
  /** The payment's order is a first order (首单) under first-order care. */
  isFirstOrder: Type.Boolean(),
  customerId: Id,
  customerName: Type.String(),
  planId: Nullable(Id),
  installmentNo: Nullable(Type.Integer()),
  amountFen: FenSum,
  currency: Currency,
  method: PaymentMethod,
  receivedOn: DateOnly,
  reference: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  recordedBy: Id,
  recordedByName: Nullable(Type.String()),
  createdAt: Timestamp,
  voidedAt: Nullable(Timestamp),
  voidedBy: Nullable(Id),
  voidReason: Nullable(Type.String()),
});
export type Payment = Static<typeof Payment>;
export const PaymentPage = pageOf(Payment);
export type PaymentPage = Static<typeof PaymentPage>;

export const PaymentListQuery = Type.Object(
  {
    ...PageQuery,
    orderId: Type.Optional(Id),
    customerId: Type.Optional(Id),
    /** Received on or after this date. */
    from: Type.Optional(DateOnly),
    /** Received on or before this date. */
    to: Type.Optional(DateOnly),
    method: Type.Optional(PaymentMethod),
    /** Voided payments are left out unless asked for. */
    includeVoided: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PaymentListQuery = Static<typeof PaymentListQuery>;

/** A payment against a confirmed (shipped, completed) order; at most its unpaid amount. */
export const CreatePaymentBody = Type.Object(
  {
    orderId: Id,
    amountFen: AmountInputFen,
    method: PaymentMethod,
    /** Not in the future (the organization's calendar). */
    receivedOn: DateOnly,
    /** Applied to this installment of the order's plan first, then the oldest unpaid ones. */
    planId: Type.Optional(Nullable(Id)),
    reference: Type.Optional(Type.String({ maxLength: 100 })),
    notes: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type CreatePaymentBody = Static<typeof CreatePaymentBody>;

export const VoidPaymentBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type VoidPaymentBody = Static<typeof VoidPaymentBody>;

// ---- Payment plans (回款计划) ----

export const Installment = Type.Object({
  id: Id,
  orderId: Id,
  orderNo: Type.String(),
  customerId: Id,
  customerName: Type.String(),
  ownerId: Id,
  ownerName: Nullable(Type.String()),
  installmentNo: Type.Integer(),
  dueDate: DateOnly,
  amountFen: FenSum,
  paidFen: FenSum,
  currency: Currency,
  status: InstallmentStatus,
  notes: Nullable(Type.String()),
});
export type Installment = Static<typeof Installment>;
export const InstallmentPage = pageOf(Installment);
export type InstallmentPage = Static<typeof InstallmentPage>;

export const InstallmentListQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(InstallmentStatus),
    customerId: Type.Optional(Id),
    orderId: Type.Optional(Id),
    dueFrom: Type.Optional(DateOnly),
    dueTo: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type InstallmentListQuery = Static<typeof InstallmentListQuery>;

/** One order's plan with what was paid; `version` guards a replacement (0 while there is no plan). */
export const PaymentPlan = Type.Object({
  orderId: Id,
  orderNo: Type.String(),
  orderStatus: Type.String(),
  totalFen: FenSum,
  paidFen: FenSum,
  currency: Currency,
  installments: Type.Array(Installment),
  version: Type.Integer({ minimum: 0 }),
});
export type PaymentPlan = Static<typeof PaymentPlan>;

export const InstallmentInput = Type.Object(
  {
    dueDate: DateOnly,
    amountFen: AmountInputFen,
    notes: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type InstallmentInput = Static<typeof InstallmentInput>;

/** Replaces the order's plan: the amounts add up to the order total; payments are reallocated. */
export const PutPaymentPlanBody = Type.Object(
  {
    installments: Type.Array(InstallmentInput, { minItems: 1, maxItems: 36 }),
    version: VersionOrZero,
  },
  { additionalProperties: false },
);
export type PutPaymentPlanBody = Static<typeof PutPaymentPlanBody>;

// ---- Receivables ageing (应收账龄) ----

export const AGEING_GROUPS = ['customer', 'owner'] as const;
export const AgeingGroup = Type.Enum(AGEING_GROUPS);
export type AgeingGroup = (typeof AGEING_GROUPS)[number];

export const ReceivablesAgeingQuery = Type.Object(
  {
    /** The day ages are counted to; today (the organization's calendar) by default. */
    asOf: Type.Optional(DateOnly),
    ownerId: Type.Optional(Id),
    groupBy: Type.Optional(AgeingGroup),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ReceivablesAgeingQuery = Static<typeof ReceivablesAgeingQuery>;

const agedAmounts = {
  notDueFen: FenSum,
  days0to30Fen: FenSum,
  days31to60Fen: FenSum,
  days61to90Fen: FenSum,
  over90Fen: FenSum,
  totalFen: FenSum,
};
/** Unpaid amounts by days past due: not yet due, 0–30, 31–60, 61–90, over 90. */
export const AgeingBuckets = Type.Object(agedAmounts);
export type AgeingBuckets = Static<typeof AgeingBuckets>;

/** One customer's (or owner's) receivables; `name` null when the record is gone. */
export const AgeingRow = Type.Object({ id: Id, name: Nullable(Type.String()), ...agedAmounts });
export type AgeingRow = Static<typeof AgeingRow>;

/** One keyset page of rows (largest total first, then id); `total` and `totals` cover every row in scope. */
export const ReceivablesAgeing = Type.Object({
  asOf: DateOnly,
  groupBy: AgeingGroup,
  currency: Currency,
  items: Type.Array(AgeingRow),
  nextCursor: Nullable(Type.String()),
  /** How many customers (or owners) owe anything. */
  total: Type.Integer({ minimum: 0 }),
  totals: AgeingBuckets,
});
export type ReceivablesAgeing = Static<typeof ReceivablesAgeing>;
