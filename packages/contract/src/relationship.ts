import { Type, type Static } from 'typebox';
import { DateOnly, Id, Nullable, Timestamp } from './common.js';
import { RelationshipPhase } from './lifecycle.js';

/**
 * Why a customer is in its relationship phase (seed 003: 考察期 / 形成期 / 稳定期 / 衰退期). The
 * server sends the code and the numbers; the web writes the sentence in the reader's language.
 * - `no_purchase`: no confirmed order yet (exploration);
 * - `few_purchases`: one or two purchase occasions so far (formation);
 * - `regular`: three or more occasions at the customer's usual rhythm (stability);
 * - `overdue`: no order for longer than the decline factor × the expected interval (decline);
 * - `frequency_drop`: orders in the last window fell to at most half the earlier windows' average;
 * - `amount_drop`: orders continue, but their amount fell to at most half the earlier average.
 * Orders on one calendar day count as one purchase occasion.
 */
export const RELATIONSHIP_REASON_CODES = [
  'no_purchase',
  'few_purchases',
  'regular',
  'overdue',
  'frequency_drop',
  'amount_drop',
] as const;
export const RelationshipReasonCode = Type.Enum(RELATIONSHIP_REASON_CODES);
export type RelationshipReasonCode = (typeof RELATIONSHIP_REASON_CODES)[number];

/** Where the expected repurchase interval came from, most specific first. */
export const INTERVAL_SOURCES = ['customer', 'category', 'history', 'default'] as const;
export const IntervalSource = Type.Enum(INTERVAL_SOURCES);
export type IntervalSource = (typeof INTERVAL_SOURCES)[number];

export const RelationshipReason = Type.Object({
  code: RelationshipReasonCode,
  /** Purchase occasions (distinct order days) in the whole history. */
  occasions: Type.Integer({ minimum: 0 }),
  /** Days since the last purchase occasion, as of the computation. */
  daysSinceLast: Nullable(Type.Integer({ minimum: 0 })),
  expectedIntervalDays: Nullable(Type.Integer({ minimum: 1 })),
  intervalSource: Nullable(IntervalSource),
  /** For the drops: the window compared, and the earlier average per window vs the last window. */
  windowDays: Nullable(Type.Integer({ minimum: 1 })),
  /** Occasions (frequency_drop) or amount in fen (amount_drop) per window before the last one. */
  before: Nullable(Type.Number()),
  /** The same measure in the last window. */
  now: Nullable(Type.Number()),
});
export type RelationshipReason = Static<typeof RelationshipReason>;

/** A manager's or owner's answer to a customer entering decline (seed 003: 恢复策略 / 终止策略). */
export const DECLINE_DECISIONS = ['win_back', 'let_go'] as const;
export const DeclineDecisionKind = Type.Enum(DECLINE_DECISIONS);
export type DeclineDecisionKind = (typeof DECLINE_DECISIONS)[number];
/** Letting go moves the customer to "lost" (through the lifecycle, with approval where set) or back to the pool. */
export const LET_GO_TARGETS = ['lost', 'pool'] as const;
export const LetGoTarget = Type.Enum(LET_GO_TARGETS);
export type LetGoTarget = (typeof LET_GO_TARGETS)[number];
/** The steps of a win-back plan, each a task for the owner. */
export const WIN_BACK_STEPS = ['call', 'visit', 'offer'] as const;
export const WinBackStep = Type.Enum(WIN_BACK_STEPS);
export type WinBackStep = (typeof WIN_BACK_STEPS)[number];
/** `won_back`: the customer left decline (bought again) after a win-back decision. */
export const DECLINE_OUTCOMES = ['won_back'] as const;
export const DeclineOutcome = Type.Enum(DECLINE_OUTCOMES);

export const DeclineDecision = Type.Object({
  id: Id,
  decision: DeclineDecisionKind,
  reason: Type.String(),
  letGoTo: Nullable(LetGoTarget),
  /** Win back: the day the owner checks whether it worked (a task is due then). */
  checkOn: Nullable(DateOnly),
  /** The start of the decline stay this decision answers. */
  declineSince: Timestamp,
  decidedById: Id,
  decidedByName: Type.String(),
  decidedAt: Timestamp,
  outcome: Nullable(DeclineOutcome),
  outcomeAt: Nullable(Timestamp),
});
export type DeclineDecision = Static<typeof DeclineDecision>;

export const CustomerRelationship = Type.Object({
  customerId: Id,
  /** Null until the first computation (nightly, or at the next order of the customer). */
  phase: Nullable(RelationshipPhase),
  since: Nullable(Timestamp),
  computedAt: Nullable(Timestamp),
  reason: Nullable(RelationshipReason),
  /** The customer's own expected repurchase interval (overrides category and history). */
  expectedRepurchaseDays: Nullable(Type.Integer({ minimum: 1 })),
  /** The last follow-up logged with the customer: a declining customer nobody talks to is told apart. */
  lastFollowUpAt: Nullable(Timestamp),
  /** In decline without a decision on this decline stay yet. */
  decisionPending: Type.Boolean(),
  /** The decisions on this customer, newest first. */
  decisions: Type.Array(DeclineDecision),
});
export type CustomerRelationship = Static<typeof CustomerRelationship>;

export const WinBackTaskInput = Type.Object(
  {
    step: WinBackStep,
    dueOn: DateOnly,
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type WinBackTaskInput = Static<typeof WinBackTaskInput>;

export const DeclineDecisionBody = Type.Object(
  {
    strategy: DeclineDecisionKind,
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    /** Win back: one task per step (at least one), and the day to check the result. */
    tasks: Type.Optional(Type.Array(WinBackTaskInput, { minItems: 1, maxItems: 6 })),
    checkOn: Type.Optional(DateOnly),
    /** Let go: where the customer goes. */
    letGoTo: Type.Optional(LetGoTarget),
  },
  { additionalProperties: false },
);
export type DeclineDecisionBody = Static<typeof DeclineDecisionBody>;

export const DeclineDecisionResult = Type.Object({
  relationship: CustomerRelationship,
  /** Let go to "lost" under an approval rule waits for the approver; the customer keeps its stage meanwhile. */
  stageMove: Nullable(Type.Enum(['moved', 'pending'])),
  tasksCreated: Type.Integer({ minimum: 0 }),
});
export type DeclineDecisionResult = Static<typeof DeclineDecisionResult>;

export const RelationshipSettingsBody = Type.Object(
  { expectedRepurchaseDays: Nullable(Type.Integer({ minimum: 1, maximum: 3650 })) },
  { additionalProperties: false },
);
export type RelationshipSettingsBody = Static<typeof RelationshipSettingsBody>;

export const RelationshipSummaryQuery = Type.Object(
  {
    /** Decisions counted by their decision day within [decidedFrom, decidedTo] (default: the last 365 days). */
    decidedFrom: Type.Optional(DateOnly),
    decidedTo: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type RelationshipSummaryQuery = Static<typeof RelationshipSummaryQuery>;

export const RelationshipSummary = Type.Object({
  /** Live customers in the reader's scope per phase; `notComputed` have no phase yet. */
  phases: Type.Array(Type.Object({ phase: RelationshipPhase, count: Type.Integer({ minimum: 0 }) })),
  notComputed: Type.Integer({ minimum: 0 }),
  /** Declining customers now in scope without a decision on their current decline. */
  pendingDecision: Type.Integer({ minimum: 0 }),
  /** Decisions in the period: win back (of which won back so far) and let go. */
  winBack: Type.Integer({ minimum: 0 }),
  wonBack: Type.Integer({ minimum: 0 }),
  letGo: Type.Integer({ minimum: 0 }),
  from: DateOnly,
  to: DateOnly,
});
export type RelationshipSummary = Static<typeof RelationshipSummary>;
