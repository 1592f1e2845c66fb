import { Type, type Static } from 'typebox';
import { Id, Nullable, Timestamp } from './common.js';
import { Stage } from './vocabulary.js';

/** Relationship phases (domain §2), computed nightly from the order history. */
export const RELATIONSHIP_PHASES = ['exploration', 'formation', 'stability', 'decline'] as const;
export const RelationshipPhase = Type.Enum(RELATIONSHIP_PHASES);
export type RelationshipPhase = (typeof RELATIONSHIP_PHASES)[number];

/** One configured lifecycle stage of an organization; codes are the fixed vocabulary. */
export const LifecycleStage = Type.Object({
  code: Stage,
  nameZh: Type.String({ minLength: 1, maxLength: 32 }),
  nameEn: Type.String({ minLength: 1, maxLength: 32 }),
  sortOrder: Type.Integer({ minimum: 0, maximum: 999 }),
  /** Expected maximum dwell; null = no limit (no stuck alerts). */
  expectedDwellDays: Nullable(Type.Integer({ minimum: 1, maximum: 3650 })),
  active: Type.Boolean(),
});
export type LifecycleStage = Static<typeof LifecycleStage>;
export const LifecycleStageList = Type.Object({ items: Type.Array(LifecycleStage) });
export type LifecycleStageList = Static<typeof LifecycleStageList>;
/** Replaces the whole stage configuration: every stage code exactly once. */
export const UpdateLifecycleStagesBody = Type.Object(
  { items: Type.Array(LifecycleStage, { minItems: 1, maxItems: 20 }) },
  { additionalProperties: false },
);
export type UpdateLifecycleStagesBody = Static<typeof UpdateLifecycleStagesBody>;

/** A manual move from `from` (null = any stage) to `to` needs approval by the owner's manager. */
export const ApprovalRule = Type.Object({ from: Nullable(Stage), to: Stage }, { additionalProperties: false });
export type ApprovalRule = Static<typeof ApprovalRule>;
export const ApprovalRuleList = Type.Object({ items: Type.Array(ApprovalRule) });
export type ApprovalRuleList = Static<typeof ApprovalRuleList>;
export const UpdateApprovalRulesBody = Type.Object(
  { items: Type.Array(ApprovalRule, { maxItems: 50 }) },
  { additionalProperties: false },
);
export type UpdateApprovalRulesBody = Static<typeof UpdateApprovalRulesBody>;

/** One row of the append-only transition log. */
export const StageTransition = Type.Object({
  id: Id,
  customerId: Id,
  from: Nullable(Stage),
  to: Stage,
  at: Timestamp,
  /** The user who moved it (manual moves and creation); null for rule moves. */
  actorId: Nullable(Id),
  actorName: Nullable(Type.String()),
  /** The automatic rule that moved it, e.g. `rule.order_confirmed`. */
  ruleId: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  approverId: Nullable(Id),
  approverName: Nullable(Type.String()),
  /** The domain event behind the move, e.g. `order.confirmed`, and its entity id. */
  triggeringEvent: Nullable(Type.String()),
  triggeringEntityId: Nullable(Type.String()),
});
export type StageTransition = Static<typeof StageTransition>;
export const StageTransitionList = Type.Object({ items: Type.Array(StageTransition) });
export type StageTransitionList = Static<typeof StageTransitionList>;

export const MoveStageBody = Type.Object(
  { to: Stage, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type MoveStageBody = Static<typeof MoveStageBody>;

export const STAGE_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export const StageRequestStatus = Type.Enum(STAGE_REQUEST_STATUSES);
export type StageRequestStatus = (typeof STAGE_REQUEST_STATUSES)[number];

/** A manual move waiting for approval; the customer stays in `from` meanwhile. */
export const StageTransitionRequest = Type.Object({
  id: Id,
  customerId: Id,
  customerName: Type.String(),
  from: Stage,
  to: Stage,
  reason: Type.String(),
  status: StageRequestStatus,
  requestedBy: Id,
  requestedAt: Timestamp,
  approverIds: Type.Array(Id),
  decidedBy: Nullable(Id),
  decidedAt: Nullable(Timestamp),
  comment: Nullable(Type.String()),
});
export type StageTransitionRequest = Static<typeof StageTransitionRequest>;
export const StageTransitionRequestList = Type.Object({ items: Type.Array(StageTransitionRequest) });
export type StageTransitionRequestList = Static<typeof StageTransitionRequestList>;
export const StageRequestListQuery = Type.Object(
  { status: Type.Optional(StageRequestStatus) },
  { additionalProperties: false },
);
export type StageRequestListQuery = Static<typeof StageRequestListQuery>;

export const ApproveStageRequestBody = Type.Object(
  { comment: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type ApproveStageRequestBody = Static<typeof ApproveStageRequestBody>;
export const RejectStageRequestBody = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type RejectStageRequestBody = Static<typeof RejectStageRequestBody>;

export const LifecycleBoardQuery = Type.Object(
  { from: Type.Optional(Timestamp), to: Type.Optional(Timestamp) },
  { additionalProperties: false },
);
export type LifecycleBoardQuery = Static<typeof LifecycleBoardQuery>;

/** The lifecycle board: everything within the caller's data scope. */
export const LifecycleBoard = Type.Object({
  from: Timestamp,
  to: Timestamp,
  stages: Type.Array(
    Type.Object({
      stage: Stage,
      /** Customers in the stage now. */
      count: Type.Integer(),
      /** Moves into the stage during the period. */
      entered: Type.Integer(),
      /** Dwell of stays that ended during the period (已结束停留), in days; null without data. */
      medianDwellDays: Nullable(Type.Number()),
      p90DwellDays: Nullable(Type.Number()),
      /** How many stays in the stage ended during the period. */
      endedStays: Type.Integer(),
      /** Customers in the stage now for longer than its expected dwell. */
      stuck: Type.Integer(),
    }),
  ),
  /**
   * Cohort conversion per stage that has a later forward stage: of the customers who entered
   * `stage` during the period (each counted once, however often they entered), how many reached
   * any later forward stage by now. `rate` = converted ÷ entered (never above 1), null without
   * entries. "Lost" is no forward stage: moving there is a backward move.
   */
  conversions: Type.Array(
    Type.Object({
      stage: Stage,
      entered: Type.Integer(),
      converted: Type.Integer(),
      rate: Nullable(Type.Number()),
    }),
  ),
  /** Moves during the period to an earlier stage or to "lost", per (from, to): never counted as conversion. */
  backwardMoves: Type.Array(Type.Object({ from: Stage, to: Stage, count: Type.Integer() })),
  stuckByOwner: Type.Array(Type.Object({ ownerId: Id, ownerName: Type.String(), count: Type.Integer() })),
  /**
   * Dwell of the stays that ended in the period, per owner (at the time of the move) and stage.
   * `ownerId` null = the pool. Current stays come from `LifecycleCurrentStays`.
   */
  dwellByOwner: Type.Array(
    Type.Object({
      ownerId: Nullable(Id),
      ownerName: Nullable(Type.String()),
      stage: Stage,
      endedStays: Type.Integer(),
      medianDwellDays: Nullable(Type.Number()),
      p90DwellDays: Nullable(Type.Number()),
    }),
  ),
});
export type LifecycleBoard = Static<typeof LifecycleBoard>;

/** Customers in a stage now and the days they have spent in it so far: median and p90 (当前停留). */
const CurrentStays = {
  stage: Stage,
  customers: Type.Integer(),
  medianDays: Nullable(Type.Number()),
  p90Days: Nullable(Type.Number()),
};
/**
 * The board's dwell of current stays, asked for on its own: it reads every customer in the
 * reader's scope (no counter keeps it), so the board's counters do not wait for it.
 */
export const LifecycleCurrentStays = Type.Object({
  /** The moment the days are counted to. */
  at: Timestamp,
  stages: Type.Array(Type.Object(CurrentStays)),
  /** Per the customer's owner now; `ownerId` null = the pool. */
  byOwner: Type.Array(Type.Object({ ownerId: Nullable(Id), ownerName: Nullable(Type.String()), ...CurrentStays })),
});
export type LifecycleCurrentStays = Static<typeof LifecycleCurrentStays>;

/** Organization-wide rule values of the lifecycle and the duplicate check (domain §2 defaults 365 and 7 days, §4 60 %). */
export const LifecycleRuleSettings = Type.Object(
  {
    /** A buyer without a confirmed order for this many days moves to lost (nightly). */
    lostAfterDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    /** A stuck customer is alerted again every this many days. */
    stuckRepeatDays: Type.Integer({ minimum: 1, maximum: 365 }),
    /**
     * Duplicate check (domain §4, default 60): a name whose character-bigram overlap with another
     * reaches this percentage is flagged as similar. Below 30 nearly every name would match.
     */
    nameSimilarityPercent: Type.Integer({ minimum: 30, maximum: 100 }),
  },
  { additionalProperties: false },
);
export type LifecycleRuleSettings = Static<typeof LifecycleRuleSettings>;
