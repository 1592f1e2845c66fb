import { Type, type Static } from 'typebox';
import { Id } from './common.js';

/**
 * Hand-over when someone leaves (离职交接, issue 13 item 6): what a leaving user holds, grouped, and
 * whom each group goes to. Customers and leads may also go back to their pool (公海 / 线索池).
 */
export const HANDOVER_GROUPS = ['customers', 'leads', 'opportunities', 'orders', 'tasks', 'approvals'] as const;
export type HandoverGroup = (typeof HANDOVER_GROUPS)[number];
/** The groups that may go back to a pool instead of to a colleague. */
export const POOLABLE_HANDOVER_GROUPS: readonly HandoverGroup[] = ['customers', 'leads'];

/** Whom the caller may hand over: the users their data scope covers, themselves excepted. */
export const HandoverCandidate = Type.Object({
  id: Id,
  displayName: Type.String(),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
});
export const HandoverCandidateList = Type.Object({ items: Type.Array(HandoverCandidate) });
export type HandoverCandidateList = Static<typeof HandoverCandidateList>;

/** One record a leaving user holds, as the wizard lists it (name, order number, task or request title). */
export const HandoverItem = Type.Object({ id: Id, label: Type.String() });
export type HandoverItem = Static<typeof HandoverItem>;

export const HandoverGroupSummary = Type.Object({
  group: Type.Enum(HANDOVER_GROUPS),
  count: Type.Integer({ minimum: 0 }),
  /** The first records (at most `HANDOVER_LIST_LIMIT`), oldest first. */
  items: Type.Array(HandoverItem),
});
export type HandoverGroupSummary = Static<typeof HandoverGroupSummary>;
export const HANDOVER_LIST_LIMIT = 100;

/** What the leaving user still holds: open orders (not completed or cancelled), open opportunities and tasks. */
export const HandoverSummary = Type.Object({
  user: Type.Object({ id: Id, displayName: Type.String(), disabled: Type.Boolean() }),
  groups: Type.Array(HandoverGroupSummary),
  /** Approval requests the user submitted that are still pending; they stay with their approvers. */
  submittedPending: Type.Integer({ minimum: 0 }),
});
export type HandoverSummary = Static<typeof HandoverSummary>;

/**
 * Who takes a group: named active users (several are dealt the records in turn) or, for customers
 * and leads only, the pool (`toPool`). Exactly one of the two.
 */
export const HandoverTarget = Type.Object(
  {
    userIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true })),
    toPool: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type HandoverTarget = Static<typeof HandoverTarget>;

/** A group holding records needs a target; an empty group's target is ignored, so a re-run is harmless. */
export const HandoverBody = Type.Object(
  {
    customers: Type.Optional(HandoverTarget),
    leads: Type.Optional(HandoverTarget),
    opportunities: Type.Optional(HandoverTarget),
    orders: Type.Optional(HandoverTarget),
    tasks: Type.Optional(HandoverTarget),
    approvals: Type.Optional(HandoverTarget),
  },
  { additionalProperties: false },
);
export type HandoverBody = Static<typeof HandoverBody>;

export const HandoverRecipientCount = Type.Object({
  /** Null: back to the pool. */
  userId: Type.Union([Id, Type.Null()]),
  displayName: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer({ minimum: 0 }),
});
export const HandoverGroupResult = Type.Object({
  group: Type.Enum(HANDOVER_GROUPS),
  moved: Type.Integer({ minimum: 0 }),
  recipients: Type.Array(HandoverRecipientCount),
});
export type HandoverGroupResult = Static<typeof HandoverGroupResult>;

/** The hand-over ran whole (it is all or nothing): counts per group, and whether the user was deactivated now. */
export const HandoverResult = Type.Object({
  userId: Id,
  groups: Type.Array(HandoverGroupResult),
  /** True when this run disabled the user; false when they already were. */
  deactivated: Type.Boolean(),
});
export type HandoverResult = Static<typeof HandoverResult>;
