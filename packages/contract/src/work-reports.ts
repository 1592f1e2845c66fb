import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf, DateOnly } from './common.js';

const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

export const REPORT_KINDS = ['daily', 'weekly', 'monthly'] as const;
export const ReportKind = Type.Enum(REPORT_KINDS);
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'reviewed'] as const;
export const ReportStatus = Type.Enum(REPORT_STATUSES);
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * Counts of the period attached to a report when it is submitted. `orders` and `payments` stay 0
 * until the orders module exists.
 */
export const ReportCounts = Type.Object({
  newCustomers: Type.Integer(),
  followUps: Type.Integer(),
  visits: Type.Integer(),
  stageMoves: Type.Integer(),
  orders: Type.Integer(),
  payments: Type.Integer(),
});
export type ReportCounts = Static<typeof ReportCounts>;

export const UserRef = Type.Object({ id: Id, name: Type.String() });
export type UserRef = Static<typeof UserRef>;

export const WorkReport = Type.Object({
  id: Id,
  kind: ReportKind,
  /** First and last day of the period (a day, a Monday-to-Sunday week, or a calendar month). */
  periodStart: DateOnly,
  periodEnd: DateOnly,
  author: UserRef,
  status: ReportStatus,
  work: Type.String(),
  plan: Type.String(),
  problems: Type.String(),
  recipients: Type.Array(UserRef),
  /** Stored at submit time; for a draft, the live counts so far. */
  counts: ReportCounts,
  dueAt: Timestamp,
  submittedAt: Nullable(Timestamp),
  isLate: Type.Boolean(),
  reviewer: Nullable(UserRef),
  reviewedAt: Nullable(Timestamp),
  reviewComment: Nullable(Type.String()),
  score: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
  /** The caller may review it (direct manager or scoped reviewer, report submitted). */
  canReview: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer(),
});
export type WorkReport = Static<typeof WorkReport>;
export const WorkReportPage = pageOf(WorkReport);
export type WorkReportPage = Static<typeof WorkReportPage>;

/** `mine`: my reports; `received`: addressed to me; `review`: waiting for my review; `team`: my scope. */
export const REPORT_VIEWS = ['mine', 'received', 'review', 'team'] as const;
export const WorkReportListQuery = Type.Object(
  {
    ...PageQuery,
    view: Type.Optional(Type.Enum(REPORT_VIEWS)),
    kind: Type.Optional(ReportKind),
    status: Type.Optional(ReportStatus),
    authorId: Type.Optional(Id),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type WorkReportListQuery = Static<typeof WorkReportListQuery>;

const Text = (max: number) => Type.String({ maxLength: max });
const RecipientIds = Type.Array(Id, { maxItems: 50, uniqueItems: true });

export const CreateWorkReportBody = Type.Object(
  {
    kind: ReportKind,
    /** Any day of the period; the server takes the day, its Monday, or the 1st of its month. */
    period: DateOnly,
    work: Type.Optional(Text(10_000)),
    plan: Type.Optional(Text(10_000)),
    problems: Type.Optional(Text(10_000)),
    /** The author's direct manager is always added. */
    recipientIds: Type.Optional(RecipientIds),
  },
  { additionalProperties: false },
);
export type CreateWorkReportBody = Static<typeof CreateWorkReportBody>;

export const UpdateWorkReportBody = Type.Object(
  {
    version: VersionField,
    work: Type.Optional(Text(10_000)),
    plan: Type.Optional(Text(10_000)),
    problems: Type.Optional(Text(10_000)),
    recipientIds: Type.Optional(RecipientIds),
  },
  { additionalProperties: false },
);
export type UpdateWorkReportBody = Static<typeof UpdateWorkReportBody>;

export const SubmitBody = Type.Object({ version: VersionField }, { additionalProperties: false });
export type SubmitBody = Static<typeof SubmitBody>;

export const ReviewWorkReportBody = Type.Object(
  {
    score: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ReviewWorkReportBody = Static<typeof ReviewWorkReportBody>;

export const ReportCountsQuery = Type.Object({ kind: ReportKind, period: DateOnly }, { additionalProperties: false });
export type ReportCountsQuery = Static<typeof ReportCountsQuery>;
export const ReportCountsPreview = Type.Object({
  kind: ReportKind,
  periodStart: DateOnly,
  periodEnd: DateOnly,
  dueAt: Timestamp,
  counts: ReportCounts,
  /** My report of this period, if I started one. */
  reportId: Nullable(Id),
});
export type ReportCountsPreview = Static<typeof ReportCountsPreview>;

/** Due rules and who must write reports (domain §6); times are in the organization's time zone. */
export const WorkReportSettings = Type.Object(
  {
    /** Daily: due at this time on the next workday. */
    dailyDueTime: ClockTime,
    /** Weekly: due at this time on the Monday after the week. */
    weeklyDueTime: ClockTime,
    /** Monthly: due on this day of the next month, at `monthlyDueTime`. */
    monthlyDueDay: Type.Integer({ minimum: 1, maximum: 28 }),
    monthlyDueTime: ClockTime,
    /** ISO weekdays needing a daily report (1 = Monday … 7 = Sunday). */
    workdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true }),
    /** Users holding one of these roles (by code) or in one of these departments must submit. */
    requiredRoleCodes: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 50, uniqueItems: true }),
    requiredDepartmentIds: Type.Array(Id, { maxItems: 200, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type WorkReportSettings = Static<typeof WorkReportSettings>;

export const ReportStatsQuery = Type.Object(
  {
    kind: ReportKind,
    from: DateOnly,
    to: DateOnly,
    departmentId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type ReportStatsQuery = Static<typeof ReportStatsQuery>;

const StatCounts = {
  /** Periods in the range whose report was due (or submitted) for this person. */
  expected: Type.Integer(),
  submitted: Type.Integer(),
  late: Type.Integer(),
  /** Due time passed without a submitted report. */
  missing: Type.Integer(),
  reviewed: Type.Integer(),
  unreviewed: Type.Integer(),
  averageScore: Nullable(Type.Number()),
};
export const ReportStatsRow = Type.Object({
  user: UserRef,
  departmentName: Nullable(Type.String()),
  ...StatCounts,
});
export type ReportStatsRow = Static<typeof ReportStatsRow>;
export const ReportStats = Type.Object({
  kind: ReportKind,
  from: DateOnly,
  to: DateOnly,
  rows: Type.Array(ReportStatsRow),
  team: Type.Object(StatCounts),
});
export type ReportStats = Static<typeof ReportStats>;
