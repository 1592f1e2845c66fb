import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf, poolMembershipInput } from './common.js';
import { CustomerKind, Stage, Tier } from './vocabulary.js';

/** Customer fields a pool may show before a customer is claimed (id, number, kind and name always show). */
export const POOL_VISIBLE_FIELDS = [
  'phone',
  'email',
  'industry',
  'tier',
  'source',
  'stage',
  'city',
  'address',
  'remarks',
] as const;
export const PoolVisibleField = Type.Enum(POOL_VISIBLE_FIELDS);
export type PoolVisibleField = (typeof POOL_VISIBLE_FIELDS)[number];
/** Phone numbers and email stay hidden until claimed (domain §3). */
export const DEFAULT_POOL_VISIBLE_FIELDS: PoolVisibleField[] = ['industry', 'tier', 'source', 'stage', 'city'];

const Days = Type.Integer({ minimum: 1, maximum: 3650 });

/** Reclaim and claim rules of one pool (domain §3); `null` switches a rule off. */
export const PoolRules = Type.Object(
  {
    noFollowUpDays: Nullable(Days),
    /**
     * "No follow-up" days per customer level, keyed by the level's dictionary code (客户等级, any
     * entry of the organization's `tier` dictionary, active or not); a level without a key uses
     * `noFollowUpDays`. The server refuses a code that is no entry.
     */
    tierNoFollowUpDays: Type.Record(Tier, Days, { additionalProperties: false, maxProperties: 200 }),
    notWonDays: Nullable(Days),
    excludeWon: Type.Boolean(),
    reminderDaysBefore: Type.Integer({ minimum: 0, maximum: 365 }),
    dailyClaimLimit: Nullable(Type.Integer({ minimum: 1, maximum: 10000 })),
    previousOwnerCooldownDays: Type.Integer({ minimum: 0, maximum: 3650 }),
    ownershipCap: Nullable(Type.Integer({ minimum: 1, maximum: 1000000 })),
  },
  { additionalProperties: false },
);
export type PoolRules = Static<typeof PoolRules>;

export const DEFAULT_POOL_RULES: PoolRules = {
  noFollowUpDays: 30,
  tierNoFollowUpDays: { A: 60, B: 30, C: 15 },
  notWonDays: 90,
  excludeWon: true,
  reminderDaysBefore: 2,
  dailyClaimLimit: 10,
  previousOwnerCooldownDays: 7,
  ownershipCap: null,
};

export const CustomerPool = Type.Object({
  id: Id,
  name: Type.String(),
  isDefault: Type.Boolean(),
  /** Every user of the organization is a member. */
  openToAll: Type.Boolean(),
  adminUserIds: Type.Array(Id),
  memberUserIds: Type.Array(Id),
  memberDepartmentIds: Type.Array(Id),
  rules: PoolRules,
  visibleFields: Type.Array(PoolVisibleField),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer(),
});
export type CustomerPool = Static<typeof CustomerPool>;
export const CustomerPoolList = Type.Object({ items: Type.Array(CustomerPool) });
export type CustomerPoolList = Static<typeof CustomerPoolList>;

const poolFields = {
  name: Type.String({ minLength: 1, maxLength: 64 }),
  openToAll: Type.Boolean(),
  rules: PoolRules,
  visibleFields: Type.Array(PoolVisibleField, { uniqueItems: true }),
};

export const CreateCustomerPoolBody = Type.Object(
  {
    name: poolFields.name,
    openToAll: Type.Optional(poolFields.openToAll),
    ...poolMembershipInput,
    rules: Type.Optional(poolFields.rules),
    visibleFields: Type.Optional(poolFields.visibleFields),
  },
  { additionalProperties: false },
);
export type CreateCustomerPoolBody = Static<typeof CreateCustomerPoolBody>;

export const UpdateCustomerPoolBody = Type.Object(
  {
    name: Type.Optional(poolFields.name),
    openToAll: Type.Optional(poolFields.openToAll),
    ...poolMembershipInput,
    rules: Type.Optional(poolFields.rules),
    visibleFields: Type.Optional(poolFields.visibleFields),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateCustomerPoolBody = Static<typeof UpdateCustomerPoolBody>;

/** A customer in a pool as a member sees it before claiming: only the pool's visible fields. */
export const PoolCustomer = Type.Object({
  id: Id,
  customerNo: Type.String(),
  kind: CustomerKind,
  name: Type.String(),
  phone: Type.Optional(Nullable(Type.String())),
  email: Type.Optional(Nullable(Type.String())),
  industry: Type.Optional(Nullable(Type.String())),
  tier: Type.Optional(Nullable(Tier)),
  source: Type.Optional(Nullable(Type.String())),
  stage: Type.Optional(Stage),
  city: Type.Optional(Nullable(Type.String())),
  address: Type.Optional(Nullable(Type.String())),
  remarks: Type.Optional(Nullable(Type.String())),
  previousOwnerId: Nullable(Id),
});
export type PoolCustomer = Static<typeof PoolCustomer>;
export const PoolCustomerPage = pageOf(PoolCustomer);
export type PoolCustomerPage = Static<typeof PoolCustomerPage>;
export const PoolCustomerQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type PoolCustomerQuery = Static<typeof PoolCustomerQuery>;

/** Who holds a customer and when it would return to the pool. */
export const CustomerOwnership = Type.Object({
  customerId: Id,
  ownerId: Nullable(Id),
  poolId: Nullable(Id),
  previousOwnerId: Nullable(Id),
  ownedSince: Nullable(Timestamp),
  locked: Type.Boolean(),
  /** Whole days until the nightly reclaim (0 or less: due); null when the customer is never reclaimed. */
  daysUntilReclaim: Nullable(Type.Integer()),
  version: Type.Integer(),
});
export type CustomerOwnership = Static<typeof CustomerOwnership>;

export const AssignCustomerBody = Type.Object({ userId: Id }, { additionalProperties: false });
export type AssignCustomerBody = Static<typeof AssignCustomerBody>;
export const TransferCustomerBody = Type.Object(
  { userId: Id, keepAsTeamMember: Type.Boolean() },
  { additionalProperties: false },
);
export type TransferCustomerBody = Static<typeof TransferCustomerBody>;
export const ReturnCustomerBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    /** Another pool of the organization; by default the customer's own pool. */
    poolId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type ReturnCustomerBody = Static<typeof ReturnCustomerBody>;

export const OWNERSHIP_EVENT_KINDS = ['claim', 'assign', 'transfer', 'return', 'reclaim', 'lock', 'unlock'] as const;
export const OwnershipEventKind = Type.Enum(OWNERSHIP_EVENT_KINDS);
export type OwnershipEventKind = (typeof OWNERSHIP_EVENT_KINDS)[number];

export const OwnershipEvent = Type.Object({
  id: Id,
  customerId: Id,
  kind: OwnershipEventKind,
  /** The user who acted; null when a rule acted (see `rule`). */
  actorId: Nullable(Id),
  actorName: Nullable(Type.String()),
  rule: Nullable(Type.String()),
  fromUserId: Nullable(Id),
  toUserId: Nullable(Id),
  poolId: Nullable(Id),
  reason: Nullable(Type.String()),
  at: Timestamp,
});
export type OwnershipEvent = Static<typeof OwnershipEvent>;
export const OwnershipEventPage = pageOf(OwnershipEvent);
export type OwnershipEventPage = Static<typeof OwnershipEventPage>;
export const OwnershipEventQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type OwnershipEventQuery = Static<typeof OwnershipEventQuery>;
