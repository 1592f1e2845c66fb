import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf, DateOnly } from './common.js';
import { AmountFen, AmountFenSum, CURRENCY_PATTERN, Currency, DEFAULT_CURRENCY } from './money.js';
import { CustomFieldValues } from './custom-fields.js';

/** Opportunity statuses (domain §1): open, then won 赢单 / lost 输单 / invalid 无效. */
export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost', 'invalid'] as const;
export const OpportunityStatus = Type.Enum(OPPORTUNITY_STATUSES);
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** Decision chain (决策链) roles and attitudes. */
export const DECISION_ROLES = ['decision_maker', 'influencer', 'user', 'gatekeeper'] as const;
export const DecisionRole = Type.Enum(DECISION_ROLES);
export type DecisionRole = (typeof DECISION_ROLES)[number];
export const ATTITUDES = ['supporter', 'neutral', 'opponent'] as const;
export const Attitude = Type.Enum(ATTITUDES);
export type Attitude = (typeof ATTITUDES)[number];

// ---- Sales processes (销售流程) ----

export const SalesProcessStage = Type.Object({
  id: Id,
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  probability: Type.Integer({ minimum: 0, maximum: 100 }),
  sortOrder: Type.Integer(),
});
export type SalesProcessStage = Static<typeof SalesProcessStage>;

export const SalesProcess = Type.Object({
  id: Id,
  name: Type.String(),
  /** Null: the organization's default process. */
  departmentId: Nullable(Id),
  departmentName: Nullable(Type.String()),
  stages: Type.Array(SalesProcessStage),
  /** Opportunities (also closed or deleted ones) use it: stages and probabilities are frozen. */
  inUse: Type.Boolean(),
  opportunityCount: Type.Integer(),
  version: Type.Integer(),
  updatedAt: Timestamp,
});
export type SalesProcess = Static<typeof SalesProcess>;
export const SalesProcessList = Type.Object({ items: Type.Array(SalesProcess) });
export type SalesProcessList = Static<typeof SalesProcessList>;

/** A stage as sent by the settings screen; `id` keeps an existing stage, order is the array's. */
export const SalesProcessStageInput = Type.Object(
  {
    id: Type.Optional(Id),
    name: Type.String({ minLength: 1, maxLength: 32 }),
    nameEn: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 32 }))),
    probability: Type.Integer({ minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false },
);
export type SalesProcessStageInput = Static<typeof SalesProcessStageInput>;
const Stages = Type.Array(SalesProcessStageInput, { minItems: 1, maxItems: 20 });
const ProcessName = Type.String({ minLength: 1, maxLength: 64 });

export const CreateSalesProcessBody = Type.Object(
  { name: ProcessName, departmentId: Type.Optional(Nullable(Id)), stages: Stages },
  { additionalProperties: false },
);
export type CreateSalesProcessBody = Static<typeof CreateSalesProcessBody>;

/**
 * Names (of the process and of its stages) and the department may always change; adding,
 * removing or reordering stages and changing probabilities only while no opportunity uses it.
 */
export const UpdateSalesProcessBody = Type.Object(
  {
    name: Type.Optional(ProcessName),
    departmentId: Type.Optional(Nullable(Id)),
    stages: Type.Optional(Stages),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateSalesProcessBody = Static<typeof UpdateSalesProcessBody>;

// ---- Opportunities (商机) ----

export const Opportunity = Type.Object({
  id: Id,
  customerId: Id,
  customerName: Type.String(),
  name: Type.String(),
  amountFen: AmountFen,
  currency: Currency,
  expectedCloseDate: Nullable(DateOnly),
  processId: Id,
  stageId: Id,
  stageName: Type.String(),
  stageNameEn: Nullable(Type.String()),
  probability: Type.Integer(),
  ownerId: Id,
  ownerName: Nullable(Type.String()),
  status: OpportunityStatus,
  /** The note given when closing (a lost opportunity's optional note). */
  closeReason: Nullable(Type.String()),
  /** Why it was lost: null for open, won and invalid ones, and for losses recorded without a reason. */
  lossReasonId: Nullable(Id),
  lossReasonName: Nullable(Type.String()),
  lossReasonNameEn: Nullable(Type.String()),
  lostToCompetitorId: Nullable(Id),
  lostToCompetitorName: Nullable(Type.String()),
  closedAt: Nullable(Timestamp),
  /** Values of the organization's opportunity custom fields by key; fields hidden from the reader are left out. */
  customFields: CustomFieldValues,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer(),
});
export type Opportunity = Static<typeof Opportunity>;
export const OpportunityPage = pageOf(Opportunity);
export type OpportunityPage = Static<typeof OpportunityPage>;

export const OpportunityListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    status: Type.Optional(OpportunityStatus),
    processId: Type.Optional(Id),
    stageId: Type.Optional(Id),
    ownerId: Type.Optional(Id),
    customerId: Type.Optional(Id),
    expectedFrom: Type.Optional(DateOnly),
    expectedTo: Type.Optional(DateOnly),
    /** Closed in [closedFrom, closedTo] by the organization's calendar (the loss report's click-through). */
    closedFrom: Type.Optional(DateOnly),
    closedTo: Type.Optional(DateOnly),
    /** A loss reason, or `none` for losses recorded without one. */
    lossReasonId: Type.Optional(Type.Union([Id, Type.Literal('none')])),
    /** The competitor it was lost to, or `none` for losses without one. */
    lostToCompetitorId: Type.Optional(Type.Union([Id, Type.Literal('none')])),
    /** The trash: soft-deleted opportunities instead of live ones. */
    deleted: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type OpportunityListQuery = Static<typeof OpportunityListQuery>;

const OpportunityName = Type.String({ minLength: 1, maxLength: 100 });

/** Process defaults to the owner's department's (else the organization's); stage to its first. */
export const CreateOpportunityBody = Type.Object(
  {
    customerId: Id,
    name: OpportunityName,
    amountFen: AmountFen,
    currency: Type.Optional(Type.String({ pattern: CURRENCY_PATTERN, default: DEFAULT_CURRENCY })),
    expectedCloseDate: Type.Optional(Nullable(DateOnly)),
    processId: Type.Optional(Id),
    stageId: Type.Optional(Id),
    /** Defaults to the creator; another owner must be inside the creator's data scope. */
    ownerId: Type.Optional(Id),
    customFields: Type.Optional(CustomFieldValues),
  },
  { additionalProperties: false },
);
export type CreateOpportunityBody = Static<typeof CreateOpportunityBody>;

/** Stage and status change through their own endpoints, which log each change. */
export const UpdateOpportunityBody = Type.Object(
  {
    name: Type.Optional(OpportunityName),
    amountFen: Type.Optional(AmountFen),
    currency: Type.Optional(Currency),
    expectedCloseDate: Type.Optional(Nullable(DateOnly)),
    ownerId: Type.Optional(Id),
    /** Only the keys sent change; `null` clears one. */
    customFields: Type.Optional(CustomFieldValues),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateOpportunityBody = Static<typeof UpdateOpportunityBody>;

export const MoveOpportunityStageBody = Type.Object(
  { stageId: Id, version: VersionField },
  { additionalProperties: false },
);
export type MoveOpportunityStageBody = Static<typeof MoveOpportunityStageBody>;

/** Winning takes an optional comment; `version` is optional so a board drop needs no reload. */
export const WinOpportunityBody = Type.Object(
  { comment: Type.Optional(Type.String({ maxLength: 500 })), version: Type.Optional(VersionField) },
  { additionalProperties: false },
);
export type WinOpportunityBody = Static<typeof WinOpportunityBody>;

/** Invalidating needs a reason (losing takes a loss reason: LoseOpportunityBody). */
export const CloseOpportunityBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }), version: Type.Optional(VersionField) },
  { additionalProperties: false },
);
export type CloseOpportunityBody = Static<typeof CloseOpportunityBody>;

export const OpportunityStageChange = Type.Object({
  id: Id,
  fromStageId: Nullable(Id),
  fromStageName: Nullable(Type.String()),
  toStageId: Id,
  toStageName: Type.String(),
  fromStatus: Nullable(OpportunityStatus),
  toStatus: OpportunityStatus,
  reason: Nullable(Type.String()),
  actorId: Nullable(Id),
  actorName: Nullable(Type.String()),
  at: Timestamp,
});
export type OpportunityStageChange = Static<typeof OpportunityStageChange>;
export const OpportunityHistory = Type.Object({ items: Type.Array(OpportunityStageChange) });
export type OpportunityHistory = Static<typeof OpportunityHistory>;

export const DecisionChainEntry = Type.Object({
  contactId: Id,
  contactName: Type.String(),
  contactTitle: Nullable(Type.String()),
  role: DecisionRole,
  attitude: Attitude,
  remarks: Nullable(Type.String()),
});
export type DecisionChainEntry = Static<typeof DecisionChainEntry>;
export const DecisionChain = Type.Object({ items: Type.Array(DecisionChainEntry) });
export type DecisionChain = Static<typeof DecisionChain>;

/** Replaces the whole decision chain; every contact must belong to the opportunity's customer. */
export const PutDecisionChainBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          contactId: Id,
          role: DecisionRole,
          attitude: Attitude,
          remarks: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
export type PutDecisionChainBody = Static<typeof PutDecisionChainBody>;

// ---- Weighted pipeline ----

export const PIPELINE_GROUPS = ['owner', 'department'] as const;
export const PipelineQuery = Type.Object(
  {
    groupBy: Type.Optional(Type.Enum(PIPELINE_GROUPS, { default: 'owner' })),
    /** Expected close date range (inclusive). */
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    processId: Type.Optional(Id),
    /** Amounts of different currencies are never added up: only this currency's deals count. */
    currency: Type.Optional(Type.String({ pattern: CURRENCY_PATTERN, default: DEFAULT_CURRENCY })),
  },
  { additionalProperties: false },
);
export type PipelineQuery = Static<typeof PipelineQuery>;

const PipelineSums = {
  count: Type.Integer(),
  amountFen: AmountFenSum,
  /** round(Σ amountFen × stage probability / 100): rounded once, on the sum. */
  weightedAmountFen: AmountFenSum,
};
export const PipelineGroup = Type.Object({ key: Nullable(Id), name: Nullable(Type.String()), ...PipelineSums });
export type PipelineGroup = Static<typeof PipelineGroup>;
export const PipelineStage = Type.Object({
  processId: Id,
  stageId: Id,
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  probability: Type.Integer(),
  ...PipelineSums,
});
export type PipelineStage = Static<typeof PipelineStage>;
export const Pipeline = Type.Object({
  groupBy: Type.Enum(PIPELINE_GROUPS),
  /** The currency every sum is in. */
  currency: Currency,
  groups: Type.Array(PipelineGroup),
  stages: Type.Array(PipelineStage),
  total: Type.Object(PipelineSums),
});
export type Pipeline = Static<typeof Pipeline>;
