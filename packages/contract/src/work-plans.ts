import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf, DateOnly } from './common.js';
import { ReportStatsQuery, UserRef } from './work-reports.js';

/** A plan covers a day or a Monday-to-Sunday week. */
export const PLAN_KINDS = ['daily', 'weekly'] as const;
export const PlanKind = Type.Enum(PLAN_KINDS);
export type PlanKind = (typeof PLAN_KINDS)[number];

/** `commented`: the manager answered without approving; the author may change and resubmit. */
export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'commented'] as const;
export const PlanStatus = Type.Enum(PLAN_STATUSES);
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Planned activities; matched against follow-ups of the same type and check-ins. */
export const PLAN_ITEM_KINDS = ['visit', 'call'] as const;
export const PlanItemKind = Type.Enum(PLAN_ITEM_KINDS);
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

export const WorkPlanItem = Type.Object({
  id: Id,
  customerId: Id,
  customerName: Type.String(),
  kind: PlanItemKind,
  purpose: Type.String(),
  plannedAt: Nullable(Timestamp),
  /** Plan vs actual: a matching follow-up or check-in by the author within the period. */
  done: Type.Boolean(),
  doneAt: Nullable(Timestamp),
});
export type WorkPlanItem = Static<typeof WorkPlanItem>;

export const WorkPlan = Type.Object({
  id: Id,
  kind: PlanKind,
  periodStart: DateOnly,
  periodEnd: DateOnly,
  author: UserRef,
  status: PlanStatus,
  note: Type.String(),
  items: Type.Array(WorkPlanItem),
  itemCount: Type.Integer(),
  doneCount: Type.Integer(),
  /** doneCount / itemCount (0 for an empty plan). */
  completionRate: Type.Number(),
  submittedAt: Nullable(Timestamp),
  reviewer: Nullable(UserRef),
  reviewedAt: Nullable(Timestamp),
  reviewDecision: Nullable(Type.Enum(['approve', 'comment'] as const)),
  reviewComment: Nullable(Type.String()),
  /** The reviewer's assessment 1–5, given with the approval. */
  score: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
  canReview: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer(),
});
export type WorkPlan = Static<typeof WorkPlan>;
export const WorkPlanPage = pageOf(WorkPlan);
export type WorkPlanPage = Static<typeof WorkPlanPage>;

export const PLAN_VIEWS = ['mine', 'review', 'team'] as const;
export const WorkPlanListQuery = Type.Object(
  {
    ...PageQuery,
    view: Type.Optional(Type.Enum(PLAN_VIEWS)),
    kind: Type.Optional(PlanKind),
    status: Type.Optional(PlanStatus),
    authorId: Type.Optional(Id),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type WorkPlanListQuery = Static<typeof WorkPlanListQuery>;

export const WorkPlanItemInput = Type.Object(
  {
    customerId: Id,
    kind: PlanItemKind,
    purpose: Type.Optional(Type.String({ maxLength: 500 })),
    plannedAt: Type.Optional(Nullable(Timestamp)),
  },
  { additionalProperties: false },
);
export type WorkPlanItemInput = Static<typeof WorkPlanItemInput>;
const Items = Type.Array(WorkPlanItemInput, { maxItems: 100 });

export const CreateWorkPlanBody = Type.Object(
  {
    kind: PlanKind,
    /** Any day of the period; a weekly plan starts on that week's Monday. */
    period: DateOnly,
    note: Type.Optional(Type.String({ maxLength: 5000 })),
    items: Type.Optional(Items),
  },
  { additionalProperties: false },
);
export type CreateWorkPlanBody = Static<typeof CreateWorkPlanBody>;

export const UpdateWorkPlanBody = Type.Object(
  {
    version: VersionField,
    note: Type.Optional(Type.String({ maxLength: 5000 })),
    /** Replaces every item. */
    items: Type.Optional(Items),
  },
  { additionalProperties: false },
);
export type UpdateWorkPlanBody = Static<typeof UpdateWorkPlanBody>;

export const ReviewWorkPlanBody = Type.Object(
  {
    decision: Type.Enum(['approve', 'comment'] as const),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
    /** 1–5, required to approve (the approval is the assessment); not given with a comment-only answer. */
    score: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  },
  { additionalProperties: false },
);
export type ReviewWorkPlanBody = Static<typeof ReviewWorkPlanBody>;

/** Plans whose period starts in [from, to], per author the reader may see: the report statistics' range. */
export const PlanStatsQuery = Type.Omit(ReportStatsQuery, ['kind'], { additionalProperties: false });
export type PlanStatsQuery = Static<typeof PlanStatsQuery>;

const PlanStatCounts = {
  /** Submitted plans (approved, answered with a comment or waiting). */
  submitted: Type.Integer(),
  approved: Type.Integer(),
  commented: Type.Integer(),
  /** Submitted and not yet reviewed. */
  waiting: Type.Integer(),
  /** Mean of the approved plans' scores (1–5), null without a scored plan. */
  averageScore: Nullable(Type.Number()),
  scored: Type.Integer(),
};
export const PlanStatsRow = Type.Object({ user: UserRef, ...PlanStatCounts });
export type PlanStatsRow = Static<typeof PlanStatsRow>;
export const PlanStats = Type.Object({
  from: DateOnly,
  to: DateOnly,
  rows: Type.Array(PlanStatsRow),
  team: Type.Object(PlanStatCounts),
});
export type PlanStats = Static<typeof PlanStats>;
