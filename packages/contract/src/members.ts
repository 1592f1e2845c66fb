import { Type, type Static } from 'typebox';
import { DateOnly, Id, Nullable, PageQuery, Timestamp, VersionField, VersionOrZero, pageOf } from './common.js';

/** Kinds of points ledger entries (issue 15 item 4): earned per order, deducted on cancel, redeemed, expired, adjusted. */
export const POINTS_ENTRY_KINDS = ['earn', 'deduct', 'redeem', 'expire', 'adjust'] as const;
export type PointsEntryKind = (typeof POINTS_ENTRY_KINDS)[number];

/** Default member levels by growth points (domain §7); 1 growth point per yuan of confirmed orders. */
export const DEFAULT_MEMBER_LEVELS = [
  { nameZh: '普通会员', nameEn: 'Standard', threshold: 0, discountBp: 0, birthdayGift: null },
  { nameZh: '银卡会员', nameEn: 'Silver', threshold: 500, discountBp: 200, birthdayGift: '生日贺卡' },
  { nameZh: '金卡会员', nameEn: 'Gold', threshold: 2000, discountBp: 500, birthdayGift: '生日礼盒' },
  { nameZh: '白金会员', nameEn: 'Platinum', threshold: 5000, discountBp: 800, birthdayGift: '生日礼盒 + 双倍积分' },
  {
    nameZh: '钻石会员',
    nameEn: 'Diamond',
    threshold: 10000,
    discountBp: 1200,
    birthdayGift: '定制生日礼 + 专属顾问回访',
  },
] as const;

const Points = Type.Integer({ minimum: 0, maximum: 1_000_000_000 });
const LevelName = Type.String({ minLength: 1, maxLength: 32 });

export const MemberLevel = Type.Object({
  id: Id,
  nameZh: Type.String(),
  nameEn: Type.String(),
  threshold: Type.Integer(),
  discountBp: Type.Integer(),
  birthdayGift: Nullable(Type.String()),
  version: Type.Integer(),
});
export type MemberLevel = Static<typeof MemberLevel>;
export const MemberLevelList = Type.Object({ items: Type.Array(MemberLevel) });
export type MemberLevelList = Static<typeof MemberLevelList>;

const levelFields = {
  nameZh: LevelName,
  nameEn: LevelName,
  threshold: Points,
  discountBp: Type.Integer({ minimum: 0, maximum: 10000 }),
  birthdayGift: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
};
export const CreateMemberLevelBody = Type.Object(levelFields, { additionalProperties: false });
export type CreateMemberLevelBody = Static<typeof CreateMemberLevelBody>;
export const UpdateMemberLevelBody = Type.Object(
  { ...levelFields, version: VersionField },
  { additionalProperties: false },
);
export type UpdateMemberLevelBody = Static<typeof UpdateMemberLevelBody>;

export const MemberSettings = Type.Object({
  adjustApprovalThreshold: Type.Integer(),
  expiryMonths: Type.Integer(),
  version: Type.Integer(),
});
export type MemberSettings = Static<typeof MemberSettings>;
export const UpdateMemberSettingsBody = Type.Object(
  {
    adjustApprovalThreshold: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
    expiryMonths: Type.Integer({ minimum: 1, maximum: 120 }),
    version: VersionOrZero,
  },
  { additionalProperties: false },
);
export type UpdateMemberSettingsBody = Static<typeof UpdateMemberSettingsBody>;

export const Member = Type.Object({
  id: Id,
  customerId: Id,
  customerName: Type.String(),
  ownerName: Nullable(Type.String()),
  memberNo: Type.String(),
  cardNo: Nullable(Type.String()),
  joinedOn: DateOnly,
  storeId: Nullable(Id),
  storeName: Nullable(Type.String()),
  levelId: Id,
  levelNameZh: Type.String(),
  levelNameEn: Type.String(),
  discountBp: Type.Integer(),
  growthPoints: Type.Integer(),
  pointsBalance: Type.Integer(),
  birthday: Nullable(DateOnly),
  lastPurchaseAt: Nullable(Timestamp),
  version: Type.Integer(),
});
export type Member = Static<typeof Member>;
export const MemberPage = pageOf(Member);
export type MemberPage = Static<typeof MemberPage>;

export const MemberListQuery = Type.Object(
  {
    ...PageQuery,
    levelId: Type.Optional(Id),
    storeId: Type.Optional(Id),
    joinedFrom: Type.Optional(DateOnly),
    joinedTo: Type.Optional(DateOnly),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type MemberListQuery = Static<typeof MemberListQuery>;

const CardNo = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' });
export const CreateMemberBody = Type.Object(
  {
    customerId: Id,
    cardNo: Type.Optional(Nullable(CardNo)),
    joinedOn: Type.Optional(DateOnly),
    storeId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);
export type CreateMemberBody = Static<typeof CreateMemberBody>;
export const UpdateMemberBody = Type.Object(
  { cardNo: Type.Optional(Nullable(CardNo)), storeId: Type.Optional(Nullable(Id)), version: VersionField },
  { additionalProperties: false },
);
export type UpdateMemberBody = Static<typeof UpdateMemberBody>;

export const CustomerMember = Type.Object({ member: Nullable(Member) });
export type CustomerMember = Static<typeof CustomerMember>;

export const PointsEntry = Type.Object({
  id: Id,
  kind: Type.Enum(POINTS_ENTRY_KINDS),
  points: Type.Integer(),
  growth: Type.Integer(),
  balanceAfter: Type.Integer(),
  reason: Nullable(Type.String()),
  orderId: Nullable(Id),
  orderNo: Nullable(Type.String()),
  createdByName: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type PointsEntry = Static<typeof PointsEntry>;
export const PointsEntryPage = pageOf(PointsEntry);
export type PointsEntryPage = Static<typeof PointsEntryPage>;
export const PointsLedgerQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type PointsLedgerQuery = Static<typeof PointsLedgerQuery>;

const Reason = Type.String({ minLength: 1, maxLength: 200 });
export const RedeemPointsBody = Type.Object(
  { points: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), reason: Type.Optional(Reason) },
  { additionalProperties: false },
);
export type RedeemPointsBody = Static<typeof RedeemPointsBody>;
export const AdjustPointsBody = Type.Object(
  {
    points: Type.Integer({ minimum: -1_000_000_000, maximum: 1_000_000_000 }),
    reason: Reason,
  },
  { additionalProperties: false },
);
export type AdjustPointsBody = Static<typeof AdjustPointsBody>;
export const AdjustPointsResult = Type.Object({
  /** `applied`: in the ledger now; `pending`: above the threshold, waiting for approval. */
  status: Type.Union([Type.Literal('applied'), Type.Literal('pending')]),
  member: Member,
});
export type AdjustPointsResult = Static<typeof AdjustPointsResult>;

export const LevelChange = Type.Object({
  id: Id,
  fromLevelNameZh: Nullable(Type.String()),
  fromLevelNameEn: Nullable(Type.String()),
  toLevelNameZh: Type.String(),
  toLevelNameEn: Type.String(),
  growthPoints: Type.Integer(),
  createdAt: Timestamp,
});
export type LevelChange = Static<typeof LevelChange>;
export const LevelChangeList = Type.Object({ items: Type.Array(LevelChange) });
export type LevelChangeList = Static<typeof LevelChangeList>;

export const MemberValue = Type.Object({
  from: DateOnly,
  to: DateOnly,
  ordersCount: Type.Integer(),
  revenueFen: Type.Integer(),
  profitFen: Type.Integer(),
});
export type MemberValue = Static<typeof MemberValue>;

export const CELEBRATION_KINDS = ['birthday', 'anniversary'] as const;
export const CelebrationQuery = Type.Object(
  { kind: Type.Enum(CELEBRATION_KINDS), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 30 })) },
  { additionalProperties: false },
);
export type CelebrationQuery = Static<typeof CelebrationQuery>;
export const Celebration = Type.Object({
  memberId: Id,
  memberNo: Type.String(),
  customerName: Type.String(),
  levelNameZh: Type.String(),
  levelNameEn: Type.String(),
  birthdayGift: Nullable(Type.String()),
  /** The next day it falls on (today or later). */
  date: DateOnly,
  /** Years completed on that day (membership years for an anniversary; null for a birthday without a year). */
  years: Nullable(Type.Integer()),
});
export type Celebration = Static<typeof Celebration>;
export const CelebrationList = Type.Object({ items: Type.Array(Celebration) });
export type CelebrationList = Static<typeof CelebrationList>;

export const MemberAnalytics = Type.Object({
  total: Type.Integer(),
  /** Last purchase (or joining, without one) within 90 days. */
  active: Type.Integer(),
  /** 90 to 180 days. */
  silent90: Type.Integer(),
  /** 180 to 365 days. */
  silent180: Type.Integer(),
  /** More than 365 days. */
  churned: Type.Integer(),
  pointsOutstanding: Type.Integer(),
  revenue12mFen: Type.Integer(),
  profit12mFen: Type.Integer(),
  byLevel: Type.Array(
    Type.Object({ levelId: Id, nameZh: Type.String(), nameEn: Type.String(), count: Type.Integer() }),
  ),
});
export type MemberAnalytics = Static<typeof MemberAnalytics>;
