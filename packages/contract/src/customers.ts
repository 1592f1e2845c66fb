import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf } from './common.js';
import { CustomerKind, Source, Stage, Tier } from './vocabulary.js';

export const MOBILE_PATTERN = '^1[3-9][0-9]{9}$';
/** Mobile (11 digits) or landline with area code, e.g. 021-12345678. */
export const PHONE_PATTERN = '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$';

export const Customer = Type.Object({
  id: Id,
  customerNo: Type.String(),
  kind: CustomerKind,
  name: Type.String(),
  phone: Type.Optional(Nullable(Type.String())),
  email: Type.Optional(Nullable(Type.String())),
  industry: Nullable(Type.String()),
  tier: Nullable(Tier),
  source: Nullable(Source),
  stage: Stage,
  city: Nullable(Type.String()),
  address: Type.Optional(Nullable(Type.String())),
  remarks: Type.Optional(Nullable(Type.String())),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Nullable(Timestamp),
  version: Type.Integer(),
});
export type Customer = Static<typeof Customer>;
export const CustomerPage = pageOf(Customer);
export type CustomerPage = Static<typeof CustomerPage>;

/** Sort keys a client may ask for; a leading '-' sorts descending. */
export const CUSTOMER_SORTS = ['updatedAt', 'createdAt', 'name', 'customerNo'] as const;
type SortKey = (typeof CUSTOMER_SORTS)[number];
export const CustomerSort = Type.Enum(CUSTOMER_SORTS.flatMap((s) => [s, `-${s}`]) as (SortKey | `-${SortKey}`)[]);
export type CustomerSort = Static<typeof CustomerSort>;

export const CustomerListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    stage: Type.Optional(Stage),
    kind: Type.Optional(CustomerKind),
    tier: Type.Optional(Tier),
    source: Type.Optional(Source),
    ownerId: Type.Optional(Id),
    sort: Type.Optional(CustomerSort),
    /** The trash: soft-deleted customers instead of live ones. */
    deleted: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CustomerListQuery = Static<typeof CustomerListQuery>;

const Text = (max: number) => Type.String({ maxLength: max });
const editable = {
  kind: CustomerKind,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  phone: Nullable(Type.String({ pattern: PHONE_PATTERN })),
  email: Nullable(Type.String({ format: 'email', maxLength: 254 })),
  industry: Nullable(Text(50)),
  tier: Nullable(Tier),
  source: Nullable(Source),
  stage: Stage,
  city: Nullable(Text(50)),
  address: Nullable(Text(200)),
  remarks: Nullable(Text(2000)),
};

export const CreateCustomerBody = Type.Object(
  {
    kind: editable.kind,
    name: editable.name,
    phone: Type.Optional(editable.phone),
    email: Type.Optional(editable.email),
    industry: Type.Optional(editable.industry),
    tier: Type.Optional(editable.tier),
    source: Type.Optional(editable.source),
    stage: Type.Optional(editable.stage),
    city: Type.Optional(editable.city),
    address: Type.Optional(editable.address),
    remarks: Type.Optional(editable.remarks),
    /** Only users with `customers.assign` may name another owner. */
    ownerId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type CreateCustomerBody = Static<typeof CreateCustomerBody>;

export const UpdateCustomerBody = Type.Object(
  {
    kind: Type.Optional(editable.kind),
    name: Type.Optional(editable.name),
    phone: Type.Optional(editable.phone),
    email: Type.Optional(editable.email),
    industry: Type.Optional(editable.industry),
    tier: Type.Optional(editable.tier),
    source: Type.Optional(editable.source),
    city: Type.Optional(editable.city),
    address: Type.Optional(editable.address),
    remarks: Type.Optional(editable.remarks),
    ownerId: Type.Optional(Id),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateCustomerBody = Static<typeof UpdateCustomerBody>;
