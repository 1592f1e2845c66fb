import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf, DateOnly } from './common.js';

/** Follow-up types (跟进方式): codes are stable, names and order are organization settings. */
export const FOLLOW_UP_TYPE_CODE_PATTERN = '^[a-z][a-z0-9_]{0,19}$';
export const FollowUpType = Type.Object({
  code: Type.String({ pattern: FOLLOW_UP_TYPE_CODE_PATTERN }),
  nameZh: Type.String({ minLength: 1, maxLength: 32 }),
  nameEn: Type.String({ minLength: 1, maxLength: 32 }),
  sortOrder: Type.Integer({ minimum: 0, maximum: 10_000 }),
  active: Type.Boolean(),
});
export type FollowUpType = Static<typeof FollowUpType>;
export const FollowUpTypeList = Type.Object({ items: Type.Array(FollowUpType) });
export type FollowUpTypeList = Static<typeof FollowUpTypeList>;
export const UpdateFollowUpTypesBody = Type.Object(
  { items: Type.Array(FollowUpType, { minItems: 1, maxItems: 30 }) },
  { additionalProperties: false },
);
export type UpdateFollowUpTypesBody = Static<typeof UpdateFollowUpTypesBody>;

/** A file attached to a follow-up; downloaded from `GET /attachments/{id}`. */
export const Attachment = Type.Object({
  id: Id,
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  createdAt: Timestamp,
});
export type Attachment = Static<typeof Attachment>;

/** Largest attachment accepted (bytes); larger uploads answer 413. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_EXTENSIONS = [
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'txt',
  'csv',
] as const;

/**
 * An upload form (multipart/form-data): the file in the field `file`. The server checks the
 * extension and the content's magic bytes and chooses the storage name; the client's file name
 * is kept only for display.
 */
export const UploadFileForm = Type.Object(
  { file: Type.Unsafe<Blob>({ type: 'string', format: 'binary', description: 'The file (multipart part)' }) },
  { additionalProperties: false },
);

export const FollowUpContactRef = Type.Object({ id: Id, name: Type.String() });

/** A follow-up (跟进记录) on a customer or a lead; an opportunity's follow-up names its customer too. */
export const FollowUp = Type.Object({
  id: Id,
  customerId: Nullable(Id),
  customerName: Nullable(Type.String()),
  leadId: Nullable(Id),
  leadName: Nullable(Type.String()),
  opportunityId: Nullable(Id),
  type: Type.String(),
  content: Type.String(),
  occurredAt: Timestamp,
  nextContactAt: Nullable(Timestamp),
  contacts: Type.Array(FollowUpContactRef),
  authorId: Id,
  authorName: Nullable(Type.String()),
  attachments: Type.Array(Attachment),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer(),
});
export type FollowUp = Static<typeof FollowUp>;
export const FollowUpPage = pageOf(FollowUp);
export type FollowUpPage = Static<typeof FollowUpPage>;

const Content = Type.String({ minLength: 1, maxLength: 4000 });
const ContactIds = Type.Array(Id, { maxItems: 20, uniqueItems: true });

export const CreateFollowUpBody = Type.Object(
  {
    customerId: Type.Optional(Id),
    leadId: Type.Optional(Id),
    /** Sent with the opportunity's `customerId`. */
    opportunityId: Type.Optional(Id),
    type: Type.String({ minLength: 1, maxLength: 20 }),
    content: Content,
    /** Defaults to now; may not be in the future. */
    occurredAt: Type.Optional(Timestamp),
    /** Must be in the future. */
    nextContactAt: Type.Optional(Nullable(Timestamp)),
    /** Contacts of the same customer. */
    contactIds: Type.Optional(ContactIds),
  },
  { additionalProperties: false },
);
export type CreateFollowUpBody = Static<typeof CreateFollowUpBody>;

export const UpdateFollowUpBody = Type.Object(
  {
    type: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    content: Type.Optional(Content),
    occurredAt: Type.Optional(Timestamp),
    nextContactAt: Type.Optional(Nullable(Timestamp)),
    contactIds: Type.Optional(ContactIds),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateFollowUpBody = Static<typeof UpdateFollowUpBody>;

/** One parent (`customerId`, `leadId`, `opportunityId`) or an author with an optional period. */
export const FollowUpListQuery = Type.Object(
  {
    ...PageQuery,
    customerId: Type.Optional(Id),
    leadId: Type.Optional(Id),
    opportunityId: Type.Optional(Id),
    authorId: Type.Optional(Id),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type FollowUpListQuery = Static<typeof FollowUpListQuery>;

/** A field check-in (拜访签到): the server's time, the browser's position or a typed address. */
export const Visit = Type.Object({
  id: Id,
  customerId: Id,
  customerName: Nullable(Type.String()),
  userId: Id,
  userName: Nullable(Type.String()),
  checkedInAt: Timestamp,
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  accuracyM: Nullable(Type.Integer()),
  address: Nullable(Type.String()),
  note: Nullable(Type.String()),
  followUpId: Nullable(Id),
});
export type Visit = Static<typeof Visit>;
export const VisitList = Type.Object({ items: Type.Array(Visit) });
export type VisitList = Static<typeof VisitList>;

export const CreateVisitBody = Type.Object(
  {
    customerId: Id,
    latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    /** Accuracy radius in metres, as the browser reports it. */
    accuracy: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000 })),
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    /** Also log a follow-up of type `visit` with the note as its content. */
    logFollowUp: Type.Optional(Type.Boolean()),
    nextContactAt: Type.Optional(Nullable(Timestamp)),
  },
  { additionalProperties: false },
);
export type CreateVisitBody = Static<typeof CreateVisitBody>;

/** A day's visits (organization time zone); without `userId` the whole team in scope. */
export const VisitListQuery = Type.Object(
  { userId: Type.Optional(Id), date: Type.Optional(DateOnly), customerId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type VisitListQuery = Static<typeof VisitListQuery>;

export const VisitWeeklyQuery = Type.Object(
  { from: Type.Optional(DateOnly), weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 26 })) },
  { additionalProperties: false },
);
export type VisitWeeklyQuery = Static<typeof VisitWeeklyQuery>;

/** Per person, one count per period in `periods` (same order). */
export const ActivityRow = Type.Object({
  userId: Id,
  userName: Nullable(Type.String()),
  followUps: Type.Array(Type.Integer()),
  visits: Type.Array(Type.Integer()),
});
export type ActivityRow = Static<typeof ActivityRow>;

export const VisitWeekly = Type.Object({ periods: Type.Array(DateOnly), rows: Type.Array(ActivityRow) });
export type VisitWeekly = Static<typeof VisitWeekly>;

export const ACTIVITY_PERIODS = ['day', 'week'] as const;
export const TeamActivityQuery = Type.Object(
  { period: Type.Optional(Type.Enum(ACTIVITY_PERIODS)), from: Type.Optional(DateOnly), to: Type.Optional(DateOnly) },
  { additionalProperties: false },
);
export type TeamActivityQuery = Static<typeof TeamActivityQuery>;

/** `periods` are the first days of each day or week (Monday) in the organization's time zone. */
export const TeamActivity = Type.Object({
  period: Type.Enum(ACTIVITY_PERIODS),
  periods: Type.Array(DateOnly),
  rows: Type.Array(ActivityRow),
});
export type TeamActivity = Static<typeof TeamActivity>;

/** The neglect thresholds of the team view (days without a follow-up). */
export const NEGLECT_DAYS = [7, 15, 30, 90, 180] as const;
export const NeglectedCustomers = Type.Object({
  days: Type.Array(Type.Integer()),
  /** Per owner, customers without a follow-up for at least each of `days` (cumulative). */
  rows: Type.Array(
    Type.Object({ ownerId: Id, ownerName: Nullable(Type.String()), counts: Type.Array(Type.Integer()) }),
  ),
  totals: Type.Array(Type.Integer()),
});
export type NeglectedCustomers = Static<typeof NeglectedCustomers>;
