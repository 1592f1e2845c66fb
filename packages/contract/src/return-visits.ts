import { Type, type Static } from 'typebox';
import { DateOnly, Id, Nullable, PageQuery, Timestamp, VersionField, VersionOrZero, pageOf } from './common.js';

/**
 * Return visits (回访, issue 15): customer service calls a customer after an order is completed or a
 * complaint is closed, records whether it reached them and how satisfied they were (1–5).
 */
export const RETURN_VISIT_STATUSES = ['open', 'done', 'cancelled'] as const;
export const ReturnVisitStatus = Type.Enum(RETURN_VISIT_STATUSES);
export type ReturnVisitStatus = (typeof RETURN_VISIT_STATUSES)[number];

/** What scheduled the visit: a completed order, a closed complaint, or a person by hand. */
export const RETURN_VISIT_SOURCES = ['order_completed', 'complaint_closed', 'manual'] as const;
export const ReturnVisitSource = Type.Enum(RETURN_VISIT_SOURCES);
export type ReturnVisitSource = (typeof RETURN_VISIT_SOURCES)[number];

/** reached 已回访; unreachable 未接通 (the visit stays done: schedule another by hand); declined 拒绝回访. */
export const RETURN_VISIT_OUTCOMES = ['reached', 'unreachable', 'declined'] as const;
export const ReturnVisitOutcome = Type.Enum(RETURN_VISIT_OUTCOMES);
export type ReturnVisitOutcome = (typeof RETURN_VISIT_OUTCOMES)[number];

export const Satisfaction = Type.Integer({ minimum: 1, maximum: 5 });

/** Defaults of an organization that has not changed its return-visit settings (domain §8). */
export const RETURN_VISIT_DEFAULTS = { afterOrderDays: 7, afterComplaintDays: 3, lowScore: 2 } as const;

export const ReturnVisit = Type.Object({
  id: Id,
  customerId: Id,
  customerName: Type.String(),
  orderId: Nullable(Id),
  orderNo: Nullable(Type.String()),
  complaintId: Nullable(Id),
  source: ReturnVisitSource,
  dueDate: DateOnly,
  /** Open and due before today (organization calendar). */
  isOverdue: Type.Boolean(),
  /** Null: in the service queue, for anyone who handles return visits. */
  handlerId: Nullable(Id),
  handlerName: Nullable(Type.String()),
  status: ReturnVisitStatus,
  outcome: Nullable(ReturnVisitOutcome),
  satisfaction: Nullable(Satisfaction),
  notes: Nullable(Type.String()),
  /** Recorded with a satisfaction at or below the organization's low score: a complaint may follow. */
  isLowScore: Type.Boolean(),
  /** The complaint opened from this visit's low score, if any. */
  raisedComplaintId: Nullable(Id),
  doneAt: Nullable(Timestamp),
  doneByName: Nullable(Type.String()),
  createdAt: Timestamp,
  version: Type.Integer(),
});
export type ReturnVisit = Static<typeof ReturnVisit>;
export const ReturnVisitPage = pageOf(ReturnVisit);
export type ReturnVisitPage = Static<typeof ReturnVisitPage>;

/** `mine`: assigned to me or waiting in the queue; `queue`: nobody's yet; `all`: everything in scope. */
export const RETURN_VISIT_VIEWS = ['mine', 'queue', 'all'] as const;
export const RETURN_VISIT_DUE_FILTERS = ['overdue', 'today', 'upcoming'] as const;

export const ReturnVisitListQuery = Type.Object(
  {
    ...PageQuery,
    view: Type.Optional(Type.Enum(RETURN_VISIT_VIEWS)),
    status: Type.Optional(ReturnVisitStatus),
    due: Type.Optional(Type.Enum(RETURN_VISIT_DUE_FILTERS)),
    customerId: Type.Optional(Id),
    orderId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type ReturnVisitListQuery = Static<typeof ReturnVisitListQuery>;

export const CreateReturnVisitBody = Type.Object(
  {
    customerId: Id,
    orderId: Type.Optional(Nullable(Id)),
    dueDate: DateOnly,
    handlerId: Type.Optional(Nullable(Id)),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type CreateReturnVisitBody = Static<typeof CreateReturnVisitBody>;

/** Reschedule or hand to someone else (or back to the queue with `handlerId: null`). */
export const UpdateReturnVisitBody = Type.Object(
  {
    version: VersionField,
    dueDate: Type.Optional(DateOnly),
    handlerId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);
export type UpdateReturnVisitBody = Static<typeof UpdateReturnVisitBody>;

/** The call's result; a satisfaction is required when the customer was reached. */
export const RecordReturnVisitBody = Type.Object(
  {
    version: VersionField,
    outcome: ReturnVisitOutcome,
    satisfaction: Type.Optional(Nullable(Satisfaction)),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type RecordReturnVisitBody = Static<typeof RecordReturnVisitBody>;

export const CancelReturnVisitBody = Type.Object(
  { version: VersionField, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type CancelReturnVisitBody = Static<typeof CancelReturnVisitBody>;

export const RaisedComplaint = Type.Object({ complaintId: Id });
export type RaisedComplaint = Static<typeof RaisedComplaint>;

export const ReturnVisitSettings = Type.Object({
  /** Days after an order is completed; 0 turns the automatic visit off. */
  afterOrderDays: Type.Integer(),
  /** Days after a complaint is closed; 0 turns the automatic visit off. */
  afterComplaintDays: Type.Integer(),
  /** A satisfaction at or below this is a low score. */
  lowScore: Type.Integer(),
  /** Who gets new visits; null leaves them in the service queue. */
  defaultHandlerId: Nullable(Id),
  defaultHandlerName: Nullable(Type.String()),
  /** 0 while the organization uses the defaults. */
  version: Type.Integer({ minimum: 0 }),
});
export type ReturnVisitSettings = Static<typeof ReturnVisitSettings>;

export const PutReturnVisitSettingsBody = Type.Object(
  {
    afterOrderDays: Type.Integer({ minimum: 0, maximum: 365 }),
    afterComplaintDays: Type.Integer({ minimum: 0, maximum: 365 }),
    lowScore: Type.Integer({ minimum: 1, maximum: 4 }),
    defaultHandlerId: Nullable(Id),
    version: VersionOrZero,
  },
  { additionalProperties: false },
);
export type PutReturnVisitSettingsBody = Static<typeof PutReturnVisitSettingsBody>;
