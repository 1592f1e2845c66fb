import { Type, type Static } from 'typebox';
import { Id, Nullable, Timestamp } from './common.js';
import { Stage } from './vocabulary.js';
import { Attachment } from './follow-ups.js';
import { RelationshipPhase } from './lifecycle.js';
import { Currency } from './money.js';

const Fen = Type.Integer({ minimum: 0 });

/**
 * The key numbers of the customer page's header (issue 14 item 6), computed from the records at the
 * moment of the answer. Money is in minor units of `currency` (the default currency: amounts of other
 * currencies never add up). An amount is null where the caller may not read its records (no
 * `opportunities.view` / `orders.view`).
 */
export const CustomerSummary = Type.Object({
  customerId: Id,
  stage: Stage,
  /** Whole days in the current lifecycle stage. */
  daysInStage: Type.Integer({ minimum: 0 }),
  relationshipPhase: Nullable(RelationshipPhase),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  lastFollowUpAt: Nullable(Timestamp),
  /** The planned next contact of the latest follow-up. */
  nextFollowUpAt: Nullable(Timestamp),
  currency: Currency,
  /** Σ amount of the open opportunities, and how many there are. */
  openOpportunityFen: Nullable(Fen),
  openOpportunityCount: Nullable(Type.Integer({ minimum: 0 })),
  /** Σ total of the confirmed, shipped and completed orders. */
  totalBoughtFen: Nullable(Fen),
  /** What those orders still owe: Σ (total − paid), never below zero per order. */
  owedFen: Nullable(Fen),
  /** Whole days until the pool takes the customer back; null when no rule applies (0 or less: due). */
  daysUntilReclaim: Nullable(Type.Integer()),
  /** The number for the "call" action: the primary contact's phone, else the customer's own. */
  phone: Nullable(Type.String()),
});
export type CustomerSummary = Static<typeof CustomerSummary>;

/** Kinds of business events the customer timeline shows beside follow-ups, stage and owner changes. */
export const CUSTOMER_EVENT_KINDS = [
  'order_created',
  'order_confirmed',
  'order_shipped',
  'order_completed',
  'order_cancelled',
  'payment_received',
  'payment_voided',
  'approval_submitted',
  'approval_approved',
  'approval_rejected',
  'approval_withdrawn',
  'opportunity_opened',
  'opportunity_moved',
  'opportunity_won',
  'opportunity_lost',
  'opportunity_invalid',
] as const;
export const CustomerEventKind = Type.Enum(CUSTOMER_EVENT_KINDS);
export type CustomerEventKind = (typeof CUSTOMER_EVENT_KINDS)[number];

/**
 * One business event of a customer. `subject` names the record (order number, opportunity name,
 * approval title in the reader's language); stage names are the organization's own, in the reader's
 * language. The web turns kind + facts into a sentence.
 */
export const CustomerEvent = Type.Object({
  id: Type.String(),
  kind: CustomerEventKind,
  at: Timestamp,
  actorName: Nullable(Type.String()),
  subject: Type.String(),
  /** The record's id, for a link (order, opportunity or approval request). */
  subjectId: Id,
  amountFen: Nullable(Type.Integer()),
  currency: Nullable(Currency),
  fromStage: Nullable(Type.String()),
  toStage: Nullable(Type.String()),
  reason: Nullable(Type.String()),
});
export type CustomerEvent = Static<typeof CustomerEvent>;
export const CustomerEventList = Type.Object({ items: Type.Array(CustomerEvent) });
export type CustomerEventList = Static<typeof CustomerEventList>;

/** A file attached to the customer itself (contracts, business licence …). */
export const CustomerAttachment = Type.Object({
  ...Attachment.properties,
  createdByName: Nullable(Type.String()),
});
export type CustomerAttachment = Static<typeof CustomerAttachment>;
export const CustomerAttachmentList = Type.Object({ items: Type.Array(CustomerAttachment) });
export type CustomerAttachmentList = Static<typeof CustomerAttachmentList>;
export const CustomerAttachmentParams = Type.Object({ id: Id, attachmentId: Id }, { additionalProperties: false });
export type CustomerAttachmentParams = Static<typeof CustomerAttachmentParams>;
