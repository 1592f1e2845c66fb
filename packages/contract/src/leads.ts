import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf, poolMembershipInput } from './common.js';
import { Contact } from './contacts.js';
import { CreateCustomerBody, Customer, type CustomerProtectedField } from './customers.js';
import { DuplicateMatch } from './duplicates.js';
import { MobileText, PhoneText } from './phone.js';
import { Source } from './vocabulary.js';

/**
 * Lead statuses (domain §1): `new` waits in its lead pool without an owner, `assigned` has an
 * owner, `converted` became a customer (once, never again), `invalid` was discarded.
 */
export const LEAD_STATUSES = ['new', 'assigned', 'converted', 'invalid'] as const;
export const LeadStatus = Type.Enum(LEAD_STATUSES);
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/**
 * A lead, e.g. a business card from a trade fair. Mobile, phone and WeChat follow the
 * `customers.phone` field permission, email `customers.email`, remarks `customers.remarks`.
 */
export const Lead = Type.Object({
  id: Id,
  name: Type.String(),
  companyName: Nullable(Type.String()),
  title: Nullable(Type.String()),
  mobile: Type.Optional(Nullable(Type.String())),
  phone: Type.Optional(Nullable(Type.String())),
  email: Type.Optional(Nullable(Type.String())),
  wechat: Type.Optional(Nullable(Type.String())),
  source: Nullable(Source),
  poolId: Nullable(Id),
  poolName: Nullable(Type.String()),
  /** Null while the lead waits in its pool. */
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  status: LeadStatus,
  remarks: Type.Optional(Nullable(Type.String())),
  convertedCustomerId: Nullable(Id),
  convertedContactId: Nullable(Id),
  convertedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Nullable(Timestamp),
  version: Type.Integer(),
});
export type Lead = Static<typeof Lead>;
/** Every field of a lead's API shape, in its order; the server selects the columns of these names. */
export const LEAD_FIELDS = Object.keys(Lead.properties) as (keyof Lead)[];
export const LeadPage = pageOf(Lead);
export type LeadPage = Static<typeof LeadPage>;

export const LeadListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    poolId: Type.Optional(Id),
    status: Type.Optional(LeadStatus),
    ownerId: Type.Optional(Id),
    source: Type.Optional(Source),
    /** The trash: soft-deleted leads instead of live ones. */
    deleted: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type LeadListQuery = Static<typeof LeadListQuery>;

/** The unassigned leads of one lead pool, as its members see them before claiming. */
export const LeadPoolLeadsQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type LeadPoolLeadsQuery = Static<typeof LeadPoolLeadsQuery>;

const Text = (max: number) => Type.String({ maxLength: max });
const optionalEditable = {
  companyName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  title: Type.Optional(Nullable(Text(50))),
  mobile: Type.Optional(Nullable(MobileText)),
  /** Mobile or landline, an extension allowed. */
  phone: Type.Optional(Nullable(PhoneText)),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  wechat: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
  source: Type.Optional(Nullable(Source)),
  /** Moving a lead to another pool; its owner stays. */
  poolId: Type.Optional(Nullable(Id)),
  remarks: Type.Optional(Nullable(Text(2000))),
};
const Name = Type.String({ minLength: 1, maxLength: 50 });

/**
 * The fields a create or edit may write besides the name, in the order they are stored and audited:
 * the server builds insert values and the web form builds its bodies from this list.
 */
export const LEAD_WRITABLE_FIELDS = Object.keys(optionalEditable) as LeadWritableField[];
export type LeadWritableField = keyof typeof optionalEditable;

/**
 * Lead fields guarded by the customer field permission of the same kind (security A9): a role that
 * may not see a customer's phone may not see a lead's mobile, phone or WeChat either.
 */
export const LEAD_FIELD_GUARDS = {
  mobile: 'phone',
  phone: 'phone',
  wechat: 'phone',
  email: 'email',
  remarks: 'remarks',
} as const satisfies Partial<Record<LeadWritableField, CustomerProtectedField>>;
export type LeadProtectedField = keyof typeof LEAD_FIELD_GUARDS;
export const LEAD_PROTECTED_FIELDS = Object.keys(LEAD_FIELD_GUARDS) as LeadProtectedField[];

/**
 * A lead given a pool and no owner waits there; without a pool it belongs to its creator.
 * Naming another owner needs `leads.assign`.
 */
export const CreateLeadBody = Type.Object(
  { name: Name, ...optionalEditable, ownerId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type CreateLeadBody = Static<typeof CreateLeadBody>;

/** Owners change through assign and claim only; `status` may only mark a lead invalid. */
export const UpdateLeadBody = Type.Object(
  {
    name: Type.Optional(Name),
    ...optionalEditable,
    status: Type.Optional(Type.Enum(['invalid'])),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateLeadBody = Static<typeof UpdateLeadBody>;

export const LeadWriteResult = Type.Object({ ...Lead.properties, duplicateWarnings: Type.Array(DuplicateMatch) });
export type LeadWriteResult = Static<typeof LeadWriteResult>;

export const LEAD_ASSIGN_MODES = ['each', 'round_robin'] as const;
/**
 * Bulk assignment: `each` gives every lead to the one user named; `round_robin` deals the leads
 * in the order given across the chosen salespeople.
 */
export const AssignLeadsBody = Type.Object(
  {
    leadIds: Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true }),
    userIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }),
    mode: Type.Enum(LEAD_ASSIGN_MODES),
  },
  { additionalProperties: false },
);
export type AssignLeadsBody = Static<typeof AssignLeadsBody>;

/**
 * Per-row results (security A6): leads outside the caller's reach are reported as not found and
 * left unchanged; converted or invalid leads are not assignable.
 */
export const AssignLeadsResult = Type.Object({
  assigned: Type.Array(Type.Object({ leadId: Id, userId: Id })),
  notFound: Type.Array(Id),
  notAssignable: Type.Array(Id),
});
export type AssignLeadsResult = Static<typeof AssignLeadsResult>;

/** Customer fields to use instead of the lead's; the kind defaults to company when the lead names one. */
export const ConvertLeadBody = Type.Object(
  {
    customer: Type.Optional(Type.Partial(CreateCustomerBody, { additionalProperties: false })),
    createContact: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
export type ConvertLeadBody = Static<typeof ConvertLeadBody>;

export const ConvertLeadResult = Type.Object({ lead: Lead, customer: Customer, contact: Nullable(Contact) });
export type ConvertLeadResult = Static<typeof ConvertLeadResult>;

/** A lead pool (线索池), one per trade fair or channel. */
export const LeadPool = Type.Object({
  id: Id,
  name: Type.String(),
  description: Nullable(Type.String()),
  adminUserIds: Type.Array(Id),
  memberUserIds: Type.Array(Id),
  memberDepartmentIds: Type.Array(Id),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer(),
});
export type LeadPool = Static<typeof LeadPool>;
export const LeadPoolList = Type.Object({ items: Type.Array(LeadPool) });
export type LeadPoolList = Static<typeof LeadPoolList>;

const poolFields = {
  name: Type.String({ minLength: 1, maxLength: 64 }),
  description: Nullable(Text(500)),
};
export const CreateLeadPoolBody = Type.Object(
  {
    name: poolFields.name,
    description: Type.Optional(poolFields.description),
    ...poolMembershipInput,
  },
  { additionalProperties: false },
);
export type CreateLeadPoolBody = Static<typeof CreateLeadPoolBody>;
export const UpdateLeadPoolBody = Type.Object(
  {
    name: Type.Optional(poolFields.name),
    description: Type.Optional(poolFields.description),
    ...poolMembershipInput,
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateLeadPoolBody = Static<typeof UpdateLeadPoolBody>;

/** A lead in the quick search. */
export const LeadHit = Type.Object({
  id: Id,
  name: Type.String(),
  companyName: Nullable(Type.String()),
  status: LeadStatus,
  mobile: Type.Optional(Nullable(Type.String())),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
});
export type LeadHit = Static<typeof LeadHit>;
