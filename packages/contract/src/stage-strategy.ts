import { Type, type Static } from 'typebox';
import { Nullable } from './common.js';
import { Stage } from './vocabulary.js';

/** What a default task asks the owner to do; shown in the org's words, never as a code. */
export const STAGE_TASK_KINDS = ['call', 'visit', 'other'] as const;
export const StageTaskKind = Type.Enum(STAGE_TASK_KINDS);
export type StageTaskKind = (typeof STAGE_TASK_KINDS)[number];

/** Default days before a first order's return visit (回访) is due (domain §8). */
export const DEFAULT_RETURN_VISIT_DAYS = 7;

/** A task created for the customer's owner when the customer enters the stage. */
export const StageDefaultTask = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    kind: StageTaskKind,
    /** Due this many days after the stage was entered (0 = the same day). */
    dueAfterDays: Type.Integer({ minimum: 0, maximum: 365 }),
  },
  { additionalProperties: false },
);
export type StageDefaultTask = Static<typeof StageDefaultTask>;

/**
 * Per-stage strategy beyond price (domain §2, issue 13): the follow-up cadence expected, the tasks
 * created on entering the stage, and whether a first order gets extra care (首单).
 */
export const StageStrategy = Type.Object(
  {
    stage: Stage,
    /** Follow up at least every N days; null = no cadence (never "follow-up overdue"). */
    followUpEveryDays: Nullable(Type.Integer({ minimum: 1, maximum: 365 })),
    defaultTasks: Type.Array(StageDefaultTask, { maxItems: 10 }),
    /** A customer's first confirmed order made in this stage is flagged 首单. */
    firstOrderCare: Type.Boolean(),
    /** Days after delivery before the first order's return visit is due. */
    returnVisitDays: Type.Integer({ minimum: 0, maximum: 365 }),
  },
  { additionalProperties: false },
);
export type StageStrategy = Static<typeof StageStrategy>;
export const StageStrategyList = Type.Object({ items: Type.Array(StageStrategy) });
export type StageStrategyList = Static<typeof StageStrategyList>;
/** Replaces every stage's strategy: each stage code exactly once. */
export const UpdateStageStrategiesBody = Type.Object(
  { items: Type.Array(StageStrategy, { minItems: 1, maxItems: 20 }) },
  { additionalProperties: false },
);
export type UpdateStageStrategiesBody = Static<typeof UpdateStageStrategiesBody>;

/** How a customer stands against its stage's follow-up cadence (the customer page's hint). */
export const FollowUpCadence = Type.Object({
  stage: Stage,
  /** The stage's cadence; null when the stage has none. */
  everyDays: Nullable(Type.Integer()),
  /** Whole days since the last follow-up (or since the customer was created, without one). */
  daysSinceLastFollowUp: Type.Integer(),
  hasFollowUp: Type.Boolean(),
  overdue: Type.Boolean(),
});
export type FollowUpCadence = Static<typeof FollowUpCadence>;
