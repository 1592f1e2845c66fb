import { Type, type Static } from 'typebox';
import { DateOnly, Id, Nullable, PageQuery, Timestamp, pageOf } from './common.js';

/** Complaint / service ticket states (domain §8): new → assigned → in progress → resolved → closed, reopen. */
export const COMPLAINT_STATES = ['new', 'assigned', 'in_progress', 'resolved', 'closed'] as const;
export const ComplaintState = Type.Enum(COMPLAINT_STATES);
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const COMPLAINT_SEVERITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const ComplaintSeverity = Type.Enum(COMPLAINT_SEVERITIES);
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/** How the complaint reached the company. */
export const COMPLAINT_CHANNELS = ['phone', 'hotline', 'wechat', 'email', 'visit', 'web_form', 'survey'] as const;
export const ComplaintChannel = Type.Enum(COMPLAINT_CHANNELS);
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** A reply goes to the customer (and counts as the first response); a note stays internal. */
export const COMPLAINT_COMMENT_KINDS = ['reply', 'note'] as const;
export const ComplaintCommentKind = Type.Enum(COMPLAINT_COMMENT_KINDS);
export type ComplaintCommentKind = (typeof COMPLAINT_COMMENT_KINDS)[number];

/** Two complaints of one customer within this many days flag the later one as a repeat complaint. */
export const REPEAT_COMPLAINT_DAYS = 90;

const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

/** The organization's working calendar (工作日历): SLA clocks run only inside it. */
export const WorkingCalendarSettings = Type.Object(
  {
    workStart: Clock,
    workEnd: Clock,
    /** 1 = Monday … 7 = Sunday. */
    workdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7, uniqueItems: true }),
    /** 法定节假日: weekdays that are off. */
    holidays: Type.Array(DateOnly, { maxItems: 400, uniqueItems: true }),
    /** 调休: weekend days that are worked. */
    makeupWorkdays: Type.Array(DateOnly, { maxItems: 200, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type WorkingCalendarSettings = Static<typeof WorkingCalendarSettings>;

const Minutes = Type.Integer({ minimum: 1, maximum: 60 * 24 * 90 });
export const SlaTarget = Type.Object(
  { firstResponseMinutes: Minutes, resolutionMinutes: Minutes },
  { additionalProperties: false },
);
export type SlaTarget = Static<typeof SlaTarget>;
export const SlaPolicy = Type.Object(
  { low: SlaTarget, normal: SlaTarget, high: SlaTarget, urgent: SlaTarget },
  { additionalProperties: false },
);
export type SlaPolicy = Static<typeof SlaPolicy>;

/**
 * One assignment rule: the first rule whose conditions all match a new complaint picks its handler
 * (a named user, or the customer's owner). A rule without conditions matches every complaint.
 */
export const AssignmentRule = Type.Object(
  {
    categoryId: Type.Optional(Nullable(Id)),
    productId: Type.Optional(Nullable(Id)),
    /** The customer's province, as written on the customer. */
    province: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
    assignTo: Type.Union([Type.Literal('owner'), Type.Literal('user')]),
    userId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);
export type AssignmentRule = Static<typeof AssignmentRule>;

export const ServiceSettings = Type.Object(
  {
    calendar: WorkingCalendarSettings,
    sla: SlaPolicy,
    assignmentRules: Type.Array(AssignmentRule, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type ServiceSettings = Static<typeof ServiceSettings>;

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = {
  calendar: { workStart: '09:00', workEnd: '18:00', workdays: [1, 2, 3, 4, 5], holidays: [], makeupWorkdays: [] },
  sla: {
    low: { firstResponseMinutes: 8 * 60, resolutionMinutes: 120 * 60 },
    normal: { firstResponseMinutes: 4 * 60, resolutionMinutes: 72 * 60 },
    high: { firstResponseMinutes: 2 * 60, resolutionMinutes: 24 * 60 },
    urgent: { firstResponseMinutes: 60, resolutionMinutes: 8 * 60 },
  },
  assignmentRules: [],
};

export const ComplaintCategory = Type.Object({
  id: Id,
  parentCategoryId: Nullable(Id),
  nameZh: Type.String(),
  nameEn: Type.String(),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
  version: Type.Integer(),
});
export type ComplaintCategory = Static<typeof ComplaintCategory>;
export const ComplaintCategoryList = Type.Object({ items: Type.Array(ComplaintCategory) });
export type ComplaintCategoryList = Static<typeof ComplaintCategoryList>;

const CategoryName = Type.String({ minLength: 1, maxLength: 40 });
export const CreateComplaintCategoryBody = Type.Object(
  {
    parentCategoryId: Type.Optional(Nullable(Id)),
    nameZh: CategoryName,
    nameEn: CategoryName,
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
export type CreateComplaintCategoryBody = Static<typeof CreateComplaintCategoryBody>;
export const UpdateComplaintCategoryBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    parentCategoryId: Type.Optional(Nullable(Id)),
    nameZh: Type.Optional(CategoryName),
    nameEn: Type.Optional(CategoryName),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateComplaintCategoryBody = Static<typeof UpdateComplaintCategoryBody>;

export const ComplaintComment = Type.Object({
  id: Id,
  kind: ComplaintCommentKind,
  text: Type.String(),
  authorId: Id,
  authorName: Type.String(),
  createdAt: Timestamp,
});
export type ComplaintComment = Static<typeof ComplaintComment>;

export const Complaint = Type.Object({
  id: Id,
  subject: Type.String(),
  customerId: Id,
  customerName: Type.String(),
  customerOwnerId: Nullable(Id),
  contactId: Nullable(Id),
  contactName: Nullable(Type.String()),
  productId: Nullable(Id),
  productName: Nullable(Type.String()),
  orderId: Nullable(Id),
  orderNumber: Nullable(Type.String()),
  categoryId: Nullable(Id),
  categoryNameZh: Nullable(Type.String()),
  categoryNameEn: Nullable(Type.String()),
  severity: ComplaintSeverity,
  channel: ComplaintChannel,
  /** Where it was opened from: `manual`, or a module's source such as `return_visit`. */
  source: Type.String(),
  description: Type.String(),
  state: ComplaintState,
  handlerId: Nullable(Id),
  handlerName: Nullable(Type.String()),
  createdBy: Id,
  createdByName: Type.String(),
  createdAt: Timestamp,
  firstResponseDueAt: Timestamp,
  firstRespondedAt: Nullable(Timestamp),
  resolutionDueAt: Timestamp,
  resolvedAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
  rootCause: Nullable(Type.String()),
  solution: Nullable(Type.String()),
  /** Another complaint of the same customer within `REPEAT_COMPLAINT_DAYS` before this one. */
  isRepeat: Type.Boolean(),
  reopenCount: Type.Integer(),
  firstResponseBreached: Type.Boolean(),
  resolutionBreached: Type.Boolean(),
  /**
   * Business minutes left to the deadline that runs now (first response while unanswered, else
   * resolution; negative when overdue), null once resolved or closed.
   */
  businessMinutesLeft: Nullable(Type.Integer()),
  /** Which deadline `businessMinutesLeft` counts to. */
  runningClock: Nullable(Type.Union([Type.Literal('first_response'), Type.Literal('resolution')])),
  version: Type.Integer(),
});
export type Complaint = Static<typeof Complaint>;
export const ComplaintPage = pageOf(Complaint);
export type ComplaintPage = Static<typeof ComplaintPage>;

export const ComplaintAttachment = Type.Object({
  id: Id,
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  createdAt: Timestamp,
  createdByName: Nullable(Type.String()),
});
export type ComplaintAttachment = Static<typeof ComplaintAttachment>;
export const ComplaintAttachmentParams = Type.Object({ id: Id, attachmentId: Id }, { additionalProperties: false });
export type ComplaintAttachmentParams = Static<typeof ComplaintAttachmentParams>;

export const ComplaintDetail = Type.Object({
  complaint: Complaint,
  comments: Type.Array(ComplaintComment),
  /** Photos and documents of the complaint (the shared attachment store, entity `complaint`). */
  attachments: Type.Array(ComplaintAttachment),
});
export type ComplaintDetail = Static<typeof ComplaintDetail>;

export const ComplaintListQuery = Type.Object(
  {
    ...PageQuery,
    state: Type.Optional(Type.Union([ComplaintState, Type.Literal('open')])),
    severity: Type.Optional(ComplaintSeverity),
    categoryId: Type.Optional(Id),
    handlerId: Type.Optional(Id),
    customerId: Type.Optional(Id),
    /** Assigned to me. */
    mine: Type.Optional(Type.Boolean()),
    /** Open and past a deadline. */
    overdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ComplaintListQuery = Static<typeof ComplaintListQuery>;

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
export const CreateComplaintBody = Type.Object(
  {
    customerId: Id,
    subject: Text(200),
    description: Text(5000),
    severity: Type.Optional(ComplaintSeverity),
    channel: ComplaintChannel,
    categoryId: Type.Optional(Nullable(Id)),
    contactId: Type.Optional(Nullable(Id)),
    productId: Type.Optional(Nullable(Id)),
    orderId: Type.Optional(Nullable(Id)),
    /** Without one, the organization's assignment rules pick the handler (or nobody: state `new`). */
    handlerId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);
export type CreateComplaintBody = Static<typeof CreateComplaintBody>;

export const AssignComplaintBody = Type.Object({ handlerId: Id }, { additionalProperties: false });
export type AssignComplaintBody = Static<typeof AssignComplaintBody>;
export const ComplaintCommentBody = Type.Object(
  { kind: ComplaintCommentKind, text: Text(5000) },
  { additionalProperties: false },
);
export type ComplaintCommentBody = Static<typeof ComplaintCommentBody>;
export const ResolveComplaintBody = Type.Object(
  { rootCause: Text(2000), solution: Text(2000) },
  { additionalProperties: false },
);
export type ResolveComplaintBody = Static<typeof ResolveComplaintBody>;
export const ReopenComplaintBody = Type.Object({ reason: Text(2000) }, { additionalProperties: false });
export type ReopenComplaintBody = Static<typeof ReopenComplaintBody>;

/** The service dashboard's period: complaints opened from `from` to `to` (organization dates, both included). */
export const ComplaintStatsQuery = Type.Object(
  { from: Type.Optional(DateOnly), to: Type.Optional(DateOnly) },
  { additionalProperties: false },
);
export type ComplaintStatsQuery = Static<typeof ComplaintStatsQuery>;

/** A share from 0 to 1, or null when nothing was counted. */
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));

/**
 * How service did with the complaints opened in the period, within the reader's scope: handling rate
 * (resolved or closed of those opened), on-time rates against the SLA due times, mean times (wall
 * clock), what is overdue now, and the top categories.
 */
export const ComplaintStats = Type.Object({
  from: DateOnly,
  to: DateOnly,
  opened: Type.Integer(),
  handled: Type.Integer(),
  handlingRate: Rate,
  responded: Type.Integer(),
  respondedOnTime: Type.Integer(),
  onTimeResponseRate: Rate,
  resolved: Type.Integer(),
  resolvedOnTime: Type.Integer(),
  onTimeResolutionRate: Rate,
  meanFirstResponseMinutes: Nullable(Type.Integer()),
  meanResolutionMinutes: Nullable(Type.Integer()),
  /** Still open now and past the resolution due time (whenever opened). */
  overdueOpen: Type.Integer(),
  byCategory: Type.Array(
    Type.Object({
      categoryId: Nullable(Id),
      nameZh: Nullable(Type.String()),
      nameEn: Nullable(Type.String()),
      count: Type.Integer(),
    }),
  ),
});
export type ComplaintStats = Static<typeof ComplaintStats>;
