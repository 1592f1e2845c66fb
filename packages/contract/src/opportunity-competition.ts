import { Type, type Static } from 'typebox';
import { DateOnly, Id, Nullable, Timestamp, VersionField } from './common.js';
import { AmountFen, AmountFenSum, CURRENCY_PATTERN, Currency, DEFAULT_CURRENCY } from './money.js';

// ---- Competitors (竞争对手) ----

const CompetitorName = Type.String({ minLength: 1, maxLength: 64 });
const Website = Type.String({ maxLength: 200 });
const Notes = Type.String({ maxLength: 2000 });

/** A competitor of the organization's list; `archived` ones stay on past opportunities and reports. */
export const Competitor = Type.Object({
  id: Id,
  name: Type.String(),
  website: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  /** Opportunities (live ones) that name this competitor. */
  opportunityCount: Type.Integer(),
  archived: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Timestamp,
});
export type Competitor = Static<typeof Competitor>;
export const CompetitorList = Type.Object({ items: Type.Array(Competitor) });
export type CompetitorList = Static<typeof CompetitorList>;

export const CompetitorListQuery = Type.Object(
  { archived: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type CompetitorListQuery = Static<typeof CompetitorListQuery>;

export const CreateCompetitorBody = Type.Object(
  { name: CompetitorName, website: Type.Optional(Nullable(Website)), notes: Type.Optional(Nullable(Notes)) },
  { additionalProperties: false },
);
export type CreateCompetitorBody = Static<typeof CreateCompetitorBody>;

/** `archived: true` takes a competitor off the pick list; `false` brings it back. */
export const UpdateCompetitorBody = Type.Object(
  {
    name: Type.Optional(CompetitorName),
    website: Type.Optional(Nullable(Website)),
    notes: Type.Optional(Nullable(Notes)),
    archived: Type.Optional(Type.Boolean()),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateCompetitorBody = Static<typeof UpdateCompetitorBody>;

// ---- Competitors on an opportunity ----

export const THREAT_LEVELS = ['low', 'medium', 'high'] as const;
export const ThreatLevel = Type.Enum(THREAT_LEVELS);
export type ThreatLevel = (typeof THREAT_LEVELS)[number];

export const OpportunityCompetitor = Type.Object({
  competitorId: Id,
  competitorName: Type.String(),
  strengths: Nullable(Type.String()),
  weaknesses: Nullable(Type.String()),
  quotedPriceFen: Nullable(AmountFen),
  currency: Currency,
  threatLevel: Nullable(ThreatLevel),
});
export type OpportunityCompetitor = Static<typeof OpportunityCompetitor>;
export const OpportunityCompetitors = Type.Object({ items: Type.Array(OpportunityCompetitor) });
export type OpportunityCompetitors = Static<typeof OpportunityCompetitors>;

/**
 * Replaces the competitors of an opportunity. Each item names a competitor of the list by
 * `competitorId`, or by `competitorName` (free entry: an unknown name joins the list).
 */
export const PutOpportunityCompetitorsBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          competitorId: Type.Optional(Id),
          competitorName: Type.Optional(CompetitorName),
          strengths: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
          weaknesses: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
          quotedPriceFen: Type.Optional(Nullable(AmountFen)),
          currency: Type.Optional(Type.String({ pattern: CURRENCY_PATTERN, default: DEFAULT_CURRENCY })),
          threatLevel: Type.Optional(Nullable(ThreatLevel)),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type PutOpportunityCompetitorsBody = Static<typeof PutOpportunityCompetitorsBody>;

// ---- Loss reasons (输单原因) ----

const ReasonName = Type.String({ minLength: 1, maxLength: 32 });
const ReasonNameEn = Type.String({ minLength: 1, maxLength: 48 });

export const LossReason = Type.Object({
  id: Id,
  name: Type.String(),
  /** English name; the UI falls back to `name`. */
  nameEn: Nullable(Type.String()),
  /** Losing with this reason also needs the competitor ("lost to a competitor"). */
  requiresCompetitor: Type.Boolean(),
  sortOrder: Type.Integer(),
  archived: Type.Boolean(),
  version: Type.Integer(),
});
export type LossReason = Static<typeof LossReason>;
export const LossReasonList = Type.Object({ items: Type.Array(LossReason) });
export type LossReasonList = Static<typeof LossReasonList>;

export const CreateLossReasonBody = Type.Object(
  {
    name: ReasonName,
    nameEn: Type.Optional(Nullable(ReasonNameEn)),
    requiresCompetitor: Type.Optional(Type.Boolean()),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type CreateLossReasonBody = Static<typeof CreateLossReasonBody>;

export const UpdateLossReasonBody = Type.Object(
  {
    name: Type.Optional(ReasonName),
    nameEn: Type.Optional(Nullable(ReasonNameEn)),
    requiresCompetitor: Type.Optional(Type.Boolean()),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    archived: Type.Optional(Type.Boolean()),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateLossReasonBody = Static<typeof UpdateLossReasonBody>;

/**
 * Losing needs a live loss reason, and the competitor when that reason requires one; the note is
 * optional. `version` is optional so a board drop needs no reload.
 */
export const LoseOpportunityBody = Type.Object(
  {
    lossReasonId: Type.Optional(Id),
    competitorId: Type.Optional(Nullable(Id)),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    version: Type.Optional(VersionField),
  },
  { additionalProperties: false },
);
export type LoseOpportunityBody = Static<typeof LoseOpportunityBody>;

// ---- Loss report ----

/** Opportunities closed (lost, and won for the win rates) in [from, to] by the organization's calendar. */
export const LossReportQuery = Type.Object(
  {
    from: DateOnly,
    to: DateOnly,
    /** Amounts of different currencies are never added up: only this currency's deals count. */
    currency: Type.Optional(Type.String({ pattern: CURRENCY_PATTERN, default: DEFAULT_CURRENCY })),
  },
  { additionalProperties: false },
);
export type LossReportQuery = Static<typeof LossReportQuery>;

const LossSums = { count: Type.Integer(), amountFen: AmountFenSum };
/** `id` null: losses without a reason (recorded before reasons existed) or without a competitor. */
export const LossReportRow = Type.Object({
  id: Nullable(Id),
  name: Nullable(Type.String()),
  nameEn: Nullable(Type.String()),
  ...LossSums,
});
export type LossReportRow = Static<typeof LossReportRow>;
/** Won and lost opportunities, closed in the period, on which this competitor was recorded. */
export const CompetitorWinRate = Type.Object({
  competitorId: Id,
  name: Type.String(),
  won: Type.Integer(),
  lost: Type.Integer(),
});
export type CompetitorWinRate = Static<typeof CompetitorWinRate>;
export const LossReport = Type.Object({
  currency: Currency,
  total: Type.Object(LossSums),
  byReason: Type.Array(LossReportRow),
  byCompetitor: Type.Array(LossReportRow),
  winRates: Type.Array(CompetitorWinRate),
});
export type LossReport = Static<typeof LossReport>;
