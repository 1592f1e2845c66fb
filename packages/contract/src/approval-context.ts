import { Type, type Static } from 'typebox';
import { ApprovalStatus } from './approvals.js';
import { DateOnly, Id, Nullable, Timestamp } from './common.js';
import { ExpenseCategory } from './expenses.js';
import { Stage } from './vocabulary.js';

/**
 * What a decider needs beside the request itself (issue 14): built by the module that owns the
 * approval type (its adapter's `context`), never from the request's stored summary alone. Stage and
 * category codes are translated by the web's vocabulary; money is in fen.
 */

/** The customer's standing at the time of reading: lifecycle stage, credit limit and ageing. */
export const ApprovalCustomerStanding = Type.Object({
  stage: Nullable(Stage),
  /** Null when no limit is set. */
  creditLimitFen: Nullable(Type.Integer()),
  /** Confirmed, unpaid (owed). */
  outstandingFen: Type.Integer(),
  overdueFen: Type.Integer(),
  currency: Type.String(),
});
export type ApprovalCustomerStanding = Static<typeof ApprovalCustomerStanding>;

/** One order line below the seller's price authority. */
export const PriceApprovalLine = Type.Object({
  lineNo: Type.Integer(),
  productName: Type.String(),
  quantity: Type.Integer(),
  listPriceFen: Type.Integer(),
  /** The effective unit price asked (after the line discount). */
  unitPriceFen: Type.Integer(),
  sellerFloorFen: Type.Integer(),
  /** The reader's own floor for this customer's stage (the list price when no authority applies to them). */
  approverFloorFen: Type.Integer(),
  /** Below the list price, in percent with one decimal (12.5 = 12.5 % off). */
  discountPercent: Type.Number(),
  /** (asked − cost) × quantity. */
  marginFen: Type.Integer(),
  /** Margin over the asked amount, in percent with one decimal; null for a line given away. */
  marginPercent: Nullable(Type.Number()),
});
export type PriceApprovalLine = Static<typeof PriceApprovalLine>;

export const PriceApprovalContext = Type.Object({
  kind: Type.Literal('price'),
  orderNo: Type.String(),
  totalFen: Type.Integer(),
  currency: Type.String(),
  lines: Type.Array(PriceApprovalLine),
  customer: ApprovalCustomerStanding,
});

export const CreditApprovalContext = Type.Object({
  kind: Type.Literal('credit'),
  orderNo: Type.String(),
  currency: Type.String(),
  limitFen: Nullable(Type.Integer()),
  /** Owed today (confirmed, unpaid). */
  outstandingFen: Type.Integer(),
  orderFen: Type.Integer(),
  overdueFen: Type.Integer(),
  /** How far outstanding + this order goes over the limit (0 when within it). */
  excessFen: Type.Integer(),
});

export const ApprovalReceipt = Type.Object({
  id: Id,
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  /** Download address (the expense's own receipt route). */
  url: Type.String(),
});
export type ApprovalReceipt = Static<typeof ApprovalReceipt>;

export const ExpenseApprovalContext = Type.Object({
  kind: Type.Literal('expense'),
  category: ExpenseCategory,
  spentOn: DateOnly,
  amountFen: Type.Integer(),
  currency: Type.String(),
  description: Type.String(),
  customerName: Nullable(Type.String()),
  employeeName: Type.String(),
  receipts: Type.Array(ApprovalReceipt),
});

export const ApprovalStageMove = Type.Object({
  at: Timestamp,
  from: Nullable(Stage),
  to: Stage,
  /** Who moved it (null for a rule). */
  byName: Nullable(Type.String()),
  reason: Nullable(Type.String()),
});
export const ApprovalFollowUp = Type.Object({
  at: Timestamp,
  /** The follow-up type's name in the reader's language. */
  typeName: Type.String(),
  content: Type.String(),
  authorName: Type.String(),
});
export type ApprovalFollowUp = Static<typeof ApprovalFollowUp>;

export const StageApprovalContext = Type.Object({
  kind: Type.Literal('stage'),
  from: Stage,
  to: Stage,
  /** The customer's stage now (it may have moved since the request). */
  currentStage: Nullable(Stage),
  reason: Nullable(Type.String()),
  /** Latest first. */
  recentMoves: Type.Array(ApprovalStageMove),
  recentFollowUps: Type.Array(ApprovalFollowUp),
});

/** A member points adjustment above the threshold (issue 15): who, how many, why, and the balance now. */
export const PointsApprovalContext = Type.Object({
  kind: Type.Literal('points'),
  memberNo: Type.String(),
  customerName: Type.String(),
  levelNameZh: Type.String(),
  levelNameEn: Type.String(),
  points: Type.Integer(),
  reason: Type.String(),
  balance: Type.Integer(),
  growthPoints: Type.Integer(),
});

export const ApprovalContextFacts = Type.Union([
  PriceApprovalContext,
  CreditApprovalContext,
  ExpenseApprovalContext,
  StageApprovalContext,
  PointsApprovalContext,
]);
export type ApprovalContextFacts = Static<typeof ApprovalContextFacts>;

/** `context` is null for a type whose module adds no facts (the card shows the request alone). */
export const ApprovalContext = Type.Object({ context: Nullable(ApprovalContextFacts) });
export type ApprovalContext = Static<typeof ApprovalContext>;

/** Several pending requests approved at once (the inbox's simple cases), at most 50. */
export const BatchApproveBody = Type.Object(
  {
    requestIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type BatchApproveBody = Static<typeof BatchApproveBody>;

/** Per-request outcome: `approved` (the step or the whole request passed) or the refusal, localized. */
export const BatchApproveResult = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Id,
      outcome: Type.Union([Type.Literal('approved'), Type.Literal('failed')]),
      /** The request's status after the decision (a later step may still be pending). */
      status: Nullable(ApprovalStatus),
      error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    }),
  ),
});
export type BatchApproveResult = Static<typeof BatchApproveResult>;
