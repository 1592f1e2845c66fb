import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf } from './common.js';
import { ApprovalBusinessType } from './vocabulary.js';

/** Who approves a step: the submitter's manager (N levels up), every holder of a role, or named users. */
export const APPROVER_KINDS = ['manager', 'role', 'users'] as const;
export const ApproverKind = Type.Enum(APPROVER_KINDS);
export type ApproverKind = (typeof APPROVER_KINDS)[number];
/** "any" = the first approval passes the step; "all" = every resolved approver must approve. */
export const APPROVAL_MODES = ['any', 'all'] as const;
export const ApprovalMode = Type.Enum(APPROVAL_MODES);
export type ApprovalMode = (typeof APPROVAL_MODES)[number];
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const ApprovalStatus = Type.Enum(APPROVAL_STATUSES);
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const MAX_APPROVAL_LEVELS = 5;
export const MAX_APPROVAL_STEPS = 10;

export const ApprovalStep = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    approverKind: ApproverKind,
    levels: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_APPROVAL_LEVELS })),
    roleId: Type.Optional(Id),
    userIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
    mode: ApprovalMode,
  },
  { additionalProperties: false },
);
export type ApprovalStep = Static<typeof ApprovalStep>;

/** The effective flow of one business type: the org's row, or the built-in default (`isDefault`). */
export const ApprovalFlow = Type.Object({
  businessType: ApprovalBusinessType,
  name: Type.String(),
  enabled: Type.Boolean(),
  steps: Type.Array(ApprovalStep),
  isDefault: Type.Boolean(),
  /** 0 for a built-in default (no row yet); send it back unchanged when saving. */
  version: Type.Integer({ minimum: 0 }),
  updatedAt: Nullable(Timestamp),
});
export type ApprovalFlow = Static<typeof ApprovalFlow>;
export const ApprovalFlowList = Type.Object({ items: Type.Array(ApprovalFlow) });
export type ApprovalFlowList = Static<typeof ApprovalFlowList>;

export const ApprovalFlowParams = Type.Object({ businessType: ApprovalBusinessType }, { additionalProperties: false });
export type ApprovalFlowParams = Static<typeof ApprovalFlowParams>;
export const UpdateApprovalFlowBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    enabled: Type.Boolean(),
    steps: Type.Array(ApprovalStep, { minItems: 1, maxItems: MAX_APPROVAL_STEPS }),
    /** The version read (0 when the flow was still the built-in default). */
    version: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type UpdateApprovalFlowBody = Static<typeof UpdateApprovalFlowBody>;

export const ApprovalUserRef = Type.Object({ id: Id, displayName: Type.String() });
export type ApprovalUserRef = Static<typeof ApprovalUserRef>;

export const ApprovalDecision = Type.Object({
  stepIndex: Type.Integer({ minimum: 0 }),
  approver: ApprovalUserRef,
  decision: Type.Enum(['approved', 'rejected'] as const),
  comment: Nullable(Type.String()),
  at: Timestamp,
});
export type ApprovalDecision = Static<typeof ApprovalDecision>;

const requestFields = {
  id: Id,
  businessType: ApprovalBusinessType,
  entityType: Type.String(),
  entityId: Id,
  customerId: Nullable(Id),
  customerName: Nullable(Type.String()),
  title: Type.String(),
  reason: Nullable(Type.String()),
  status: ApprovalStatus,
  currentStep: Type.Integer({ minimum: 0 }),
  /** Name of the step waiting for decisions; null once the request ended. */
  currentStepName: Nullable(Type.String()),
  submitter: ApprovalUserRef,
  submittedAt: Timestamp,
  decidedAt: Nullable(Timestamp),
};

/** A step as copied into a request: its definition, who was asked, and whether it passed with nobody to ask. */
export const ApprovalRequestStep = Type.Object({
  name: Type.String(),
  approverKind: ApproverKind,
  levels: Type.Optional(Type.Integer()),
  roleId: Type.Optional(Id),
  userIds: Type.Optional(Type.Array(Id)),
  mode: ApprovalMode,
  /** Approvers resolved when the step became current; empty for steps not reached yet. */
  approvers: Type.Array(ApprovalUserRef),
  autoPassed: Type.Boolean(),
});
export type ApprovalRequestStep = Static<typeof ApprovalRequestStep>;

export const ApprovalRequestListItem = Type.Object(requestFields);
export type ApprovalRequestListItem = Static<typeof ApprovalRequestListItem>;
export const ApprovalRequestList = pageOf(ApprovalRequestListItem);
export type ApprovalRequestList = Static<typeof ApprovalRequestList>;

export const ApprovalRequestDetail = Type.Object({
  ...requestFields,
  summary: Type.Record(Type.String(), Type.Unknown()),
  steps: Type.Array(ApprovalRequestStep),
  currentApprovers: Type.Array(ApprovalUserRef),
  decisions: Type.Array(ApprovalDecision),
  /** What the caller may do now. */
  canDecide: Type.Boolean(),
  canWithdraw: Type.Boolean(),
  version: VersionField,
});
export type ApprovalRequestDetail = Static<typeof ApprovalRequestDetail>;

export const APPROVAL_BOXES = ['todo', 'submitted', 'decided', 'all'] as const;
export const ApprovalBox = Type.Enum(APPROVAL_BOXES);
export type ApprovalBox = (typeof APPROVAL_BOXES)[number];
export const ApprovalListQuery = Type.Object(
  {
    box: Type.Optional(ApprovalBox),
    status: Type.Optional(ApprovalStatus),
    businessType: Type.Optional(ApprovalBusinessType),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ApprovalListQuery = Static<typeof ApprovalListQuery>;

export const ApproveApprovalBody = Type.Object(
  { comment: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type ApproveApprovalBody = Static<typeof ApproveApprovalBody>;
export const RejectApprovalBody = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type RejectApprovalBody = Static<typeof RejectApprovalBody>;
