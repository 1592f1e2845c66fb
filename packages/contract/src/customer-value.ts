import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, DateOnly, pageOf } from './common.js';
import { CURRENCY_PATTERN, Currency, DEFAULT_CURRENCY } from './money.js';

/**
 * A signed sum of money in minor units (profit can be negative). Exact as a JSON number: single
 * amounts are capped far below 2^53 (MAX_AMOUNT_FEN), and so are realistic sums of them.
 */
const SignedFen = Type.Integer();
const FenSum = Type.Integer({ minimum: 0 });
/** A percentage with one decimal (e.g. 37.5), null where the base is zero. */
const Percent = Nullable(Type.Number());

/** Customer pyramid tiers (domain §7): 铂金 / 黄金 / 铁 / 铅 (unprofitable). */
export const PYRAMID_TIERS = ['platinum', 'gold', 'iron', 'lead'] as const;
export const PyramidTier = Type.Enum(PYRAMID_TIERS);
export type PyramidTier = (typeof PYRAMID_TIERS)[number];
/** ABC classes by revenue share (domain §7). */
export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export const AbcClass = Type.Enum(ABC_CLASSES);
export type AbcClass = (typeof ABC_CLASSES)[number];

/** The period of a value query: calendar dates in the organization's time zone, both inclusive. */
const periodQuery = {
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
  /** Amounts of different currencies never add up: only this currency's orders and expenses count. */
  currency: Type.Optional(Type.String({ pattern: CURRENCY_PATTERN, default: DEFAULT_CURRENCY })),
};

export const ValuePeriod = Type.Object({ from: DateOnly, to: DateOnly });
export type ValuePeriod = Static<typeof ValuePeriod>;

/** Profit contribution (domain §5) = Σ (price − cost) × qty − allocated expenses in the period. */
const contributionFields = {
  ordersCount: Type.Integer({ minimum: 0 }),
  revenueFen: FenSum,
  costFen: FenSum,
  /** revenue − cost. */
  grossProfitFen: SignedFen,
  /** Approved expenses booked against the customer, spent in the period. */
  expensesFen: FenSum,
  /** gross profit − expenses. */
  profitFen: SignedFen,
  /** profit ÷ revenue in %, one decimal; null without revenue. */
  marginPct: Percent,
};

// ---- Ranked list: GET /reports/profit-contribution ----

export const ProfitContributionQuery = Type.Object(
  {
    ...periodQuery,
    ownerId: Type.Optional(Id),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ProfitContributionQuery = Static<typeof ProfitContributionQuery>;

export const ProfitContributionRow = Type.Object({
  customerId: Id,
  customerName: Type.String(),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  ...contributionFields,
  /** Position by profit within everything the caller may see in the period (1 = most profitable). */
  rank: Type.Integer({ minimum: 1 }),
});
export type ProfitContributionRow = Static<typeof ProfitContributionRow>;

export const ProfitContributionTotals = Type.Object({ customers: Type.Integer({ minimum: 0 }), ...contributionFields });
export type ProfitContributionTotals = Static<typeof ProfitContributionTotals>;

export const ProfitContributionPage = Type.Object({
  items: Type.Array(ProfitContributionRow),
  nextCursor: Nullable(Type.String()),
  total: Type.Integer({ minimum: 0 }),
  currency: Currency,
  period: ValuePeriod,
  /** Sums over every row matching the filters, not only this page. */
  totals: ProfitContributionTotals,
});
export type ProfitContributionPage = Static<typeof ProfitContributionPage>;

// ---- Pyramid and ABC from the nightly snapshot: GET /reports/customer-pyramid ----

export const PyramidTierSummary = Type.Object({
  tier: PyramidTier,
  count: Type.Integer({ minimum: 0 }),
  revenueFen: FenSum,
  profitFen: SignedFen,
  /** Share of the revenue of all ranked customers the caller may see, in %, one decimal. */
  revenueSharePct: Percent,
});
export type PyramidTierSummary = Static<typeof PyramidTierSummary>;

export const AbcClassSummary = Type.Object({
  abcClass: AbcClass,
  count: Type.Integer({ minimum: 0 }),
  revenueFen: FenSum,
  revenueSharePct: Percent,
});
export type AbcClassSummary = Static<typeof AbcClassSummary>;

export const CustomerPyramid = Type.Object({
  /** When the snapshot was computed; null when it never was (the page offers "compute now"). */
  computedAt: Nullable(Timestamp),
  period: Nullable(ValuePeriod),
  currency: Currency,
  /** Always the four tiers, platinum first, and the three classes, A first (zeros included). */
  tiers: Type.Array(PyramidTierSummary),
  abc: Type.Array(AbcClassSummary),
  /** Live customers the caller may see; those beyond the ranked ones had no order or expense in the period. */
  customersInScope: Type.Integer({ minimum: 0 }),
  /** Tier changes since the previous period's computation, among the ranked customers the caller may see. */
  movement: Type.Object({
    up: Type.Integer({ minimum: 0 }),
    down: Type.Integer({ minimum: 0 }),
    same: Type.Integer({ minimum: 0 }),
    /** Ranked now, not ranked in the previous computation. */
    entered: Type.Integer({ minimum: 0 }),
  }),
  /** The bounds the snapshot is computed with (finance settings). */
  bounds: Type.Object({
    platinumPct: Type.Integer(),
    goldPct: Type.Integer(),
    abcAPct: Type.Integer(),
    abcBPct: Type.Integer(),
  }),
});
export type CustomerPyramid = Static<typeof CustomerPyramid>;

// ---- The customers of a tier or class: GET /reports/customer-pyramid/customers ----

/** The snapshot's customers of one tier and/or ABC class, most profitable first (keyset by profit rank). */
export const PyramidMembersQuery = Type.Object(
  {
    /** Named apart from the customer's hand-set `tier` (A/B/C), which is another thing. */
    pyramidTier: Type.Optional(PyramidTier),
    abcClass: Type.Optional(AbcClass),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PyramidMembersQuery = Static<typeof PyramidMembersQuery>;

export const PyramidMember = Type.Object({
  customerId: Id,
  customerName: Type.String(),
  ownerName: Nullable(Type.String()),
  tier: PyramidTier,
  abcClass: AbcClass,
  revenueFen: FenSum,
  profitFen: SignedFen,
  /** Position by profit among all ranked customers of the organization (1 = most profitable). */
  profitRank: Type.Integer({ minimum: 1 }),
});
export type PyramidMember = Static<typeof PyramidMember>;
export const PyramidMembersPage = pageOf(PyramidMember);
export type PyramidMembersPage = Static<typeof PyramidMembersPage>;

// ---- RFM (domain §7): recency, frequency, monetary scored 1–5 and the eight classic segments ----

/**
 * The eight classic RFM segments (domain §7). "important" = monetary score above the average
 * score; value / retain / develop / win-back by recency and frequency above or below theirs:
 * value R↑F↑, retain R↓F↑, develop R↑F↓, win-back R↓F↓.
 */
export const RFM_SEGMENTS = [
  'important_value',
  'important_retain',
  'important_develop',
  'important_winback',
  'general_value',
  'general_retain',
  'general_develop',
  'general_winback',
] as const;
export const RfmSegment = Type.Enum(RFM_SEGMENTS);
export type RfmSegment = (typeof RFM_SEGMENTS)[number];
/** A quintile score: 5 = most recent, most orders, most revenue. */
export const RfmScore = Type.Integer({ minimum: 1, maximum: 5 });

/** One customer's RFM from the nightly snapshot (counted orders in the snapshot's twelve months). */
export const CustomerRfm = Type.Object({
  /** Whole days from the last counted order (its local date) to the day after the period. */
  recencyDays: Type.Integer({ minimum: 0 }),
  /** Counted orders in the period. */
  frequency: Type.Integer({ minimum: 1 }),
  /** Σ line totals of those orders, fen. */
  monetaryFen: FenSum,
  r: RfmScore,
  f: RfmScore,
  m: RfmScore,
  segment: RfmSegment,
});
export type CustomerRfm = Static<typeof CustomerRfm>;

// ---- Segment matrix: GET /reports/rfm ----

export const RfmSegmentSummary = Type.Object({
  segment: RfmSegment,
  count: Type.Integer({ minimum: 0 }),
  revenueFen: FenSum,
  /** Share of the revenue of all scored customers the caller may see, in %, one decimal. */
  revenueSharePct: Percent,
});
export type RfmSegmentSummary = Static<typeof RfmSegmentSummary>;

/** One cell of the R × F score grid. */
export const RfmGridCell = Type.Object({
  r: RfmScore,
  f: RfmScore,
  count: Type.Integer({ minimum: 0 }),
  revenueFen: FenSum,
});
export type RfmGridCell = Static<typeof RfmGridCell>;

export const RfmMatrix = Type.Object({
  /** When the snapshot was computed; null when it never was. */
  computedAt: Nullable(Timestamp),
  period: Nullable(ValuePeriod),
  currency: Currency,
  /** Scored customers the caller may see (customers with counted orders in the period). */
  scored: Type.Integer({ minimum: 0 }),
  /** Live customers the caller may see; the rest had no counted order in the period. */
  customersInScope: Type.Integer({ minimum: 0 }),
  /**
   * The organization's average scores the segments compare with (two decimals): a score above
   * the average is "high". Org-wide, so a customer's segment does not depend on who reads it.
   */
  averages: Nullable(Type.Object({ r: Type.Number(), f: Type.Number(), m: Type.Number() })),
  /** Always the eight segments in `RFM_SEGMENTS` order (zeros included). */
  segments: Type.Array(RfmSegmentSummary),
  /** Always the 25 cells, R 5 … 1 then F 1 … 5. */
  grid: Type.Array(RfmGridCell),
});
export type RfmMatrix = Static<typeof RfmMatrix>;

// ---- One customer: GET /customers/{id}/value ----

export const CustomerValueQuery = Type.Object(periodQuery, { additionalProperties: false });
export type CustomerValueQuery = Static<typeof CustomerValueQuery>;

export const CustomerValueSnapshot = Type.Object({
  tier: PyramidTier,
  abcClass: AbcClass,
  /** Rank by profit among all ranked customers of the organization. */
  profitRank: Type.Integer({ minimum: 1 }),
  period: ValuePeriod,
  computedAt: Timestamp,
  /** RFM scores and segment; null when the customer had no counted order in the period (expenses only). */
  rfm: Nullable(CustomerRfm),
});
export type CustomerValueSnapshot = Static<typeof CustomerValueSnapshot>;

export const CustomerValue = Type.Object({
  customerId: Id,
  currency: Currency,
  period: ValuePeriod,
  ...contributionFields,
  /** Latest nightly classification; null when the customer was not ranked (no revenue or expense). */
  snapshot: Nullable(CustomerValueSnapshot),
});
export type CustomerValue = Static<typeof CustomerValue>;
