import { Type, type Static } from 'typebox';
import { Id, Nullable, PageQuery, Timestamp, VersionField, pageOf, DateOnly, optionalProperties } from './common.js';
import { CustomFieldFilter, CustomFieldValues } from './custom-fields.js';
import { RfmSegment } from './customer-value.js';
import { DuplicateMatch } from './duplicates.js';
import { RelationshipPhase } from './lifecycle.js';
import { PhoneText } from './phone.js';
import {
  CustomerKind,
  Gender,
  PROTECTED_FIELDS,
  Scale,
  Source,
  Stage,
  Tier,
  type FieldAccess,
  type FieldPermissions,
  type ProtectedField,
} from './vocabulary.js';

/** GB/T 2260 administrative division code (6 digits). */
export const REGION_CODE_PATTERN = '^[1-9][0-9]{5}$';

export const Customer = Type.Object({
  id: Id,
  customerNo: Type.String(),
  kind: CustomerKind,
  name: Type.String(),
  phone: Type.Optional(Nullable(Type.String())),
  email: Type.Optional(Nullable(Type.String())),
  /** 统一社会信用代码 (companies). */
  creditCode: Nullable(Type.String()),
  industry: Nullable(Type.String()),
  scale: Nullable(Scale),
  website: Nullable(Type.String()),
  gender: Nullable(Gender),
  birthday: Nullable(DateOnly),
  tier: Nullable(Tier),
  source: Nullable(Source),
  stage: Stage,
  /** When the customer entered its current stage. */
  stageEnteredAt: Timestamp,
  /** Whole days since `stageEnteredAt` (在当前阶段天数), as of the answer. */
  daysInStage: Type.Integer({ minimum: 0 }),
  /** Relationship phase (关系阶段, computed nightly and at each order); null until first computed. */
  relationshipPhase: Nullable(RelationshipPhase),
  /** RFM segment (computed nightly, domain §7); null without a counted order in the last twelve months. */
  rfmSegment: Nullable(RfmSegment),
  tags: Type.Array(Type.String()),
  province: Nullable(Type.String()),
  city: Nullable(Type.String()),
  district: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  address: Type.Optional(Nullable(Type.String())),
  remarks: Type.Optional(Nullable(Type.String())),
  ownerId: Nullable(Id),
  ownerName: Nullable(Type.String()),
  /** The latest follow-up (最后跟进时间); null before the first one. */
  lastFollowUpAt: Nullable(Timestamp),
  /** The next contact planned by the latest follow-up (下次跟进时间); null when none was planned. */
  nextContactAt: Nullable(Timestamp),
  /** Whole days since the last follow-up, or since creation without one (未跟进天数), as of the answer. */
  daysWithoutFollowUp: Type.Integer({ minimum: 0 }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Nullable(Timestamp),
  version: Type.Integer(),
  /** Values of the organization's custom fields by key; fields hidden from the reader are left out. */
  customFields: CustomFieldValues,
});
export type Customer = Static<typeof Customer>;
/** The fields of a customer as the API answers them, in order. */
export const CUSTOMER_FIELDS = Object.keys(Customer.properties) as (keyof Customer)[];
/**
 * A row of the customer list: the customer plus whole days until its pool's rules reclaim it
 * (距回收天数; 0 or less: due now), null when no rule applies (in the pool, locked, won and excluded).
 */
export const CustomerListItem = Type.Object({
  ...Customer.properties,
  daysUntilReclaim: Nullable(Type.Integer()),
});
export type CustomerListItem = Static<typeof CustomerListItem>;
export const CustomerPage = pageOf(CustomerListItem);
export type CustomerPage = Static<typeof CustomerPage>;

/** Answer of a create or edit: the customer plus similar names found (they never block). */
export const CustomerWriteResult = Type.Object({
  ...Customer.properties,
  duplicateWarnings: Type.Array(DuplicateMatch),
});
export type CustomerWriteResult = Static<typeof CustomerWriteResult>;

/**
 * Sort keys a client may ask for; a leading '-' sorts descending. `-daysInStage` puts the customers
 * longest in their stage first (the server sorts by the stage-entered time, ascending).
 */
export const CUSTOMER_SORTS = ['updatedAt', 'createdAt', 'name', 'customerNo', 'daysInStage'] as const;
type SortKey = (typeof CUSTOMER_SORTS)[number];
export const CustomerSort = Type.Enum(CUSTOMER_SORTS.flatMap((s) => [s, `-${s}`]) as (SortKey | `-${SortKey}`)[]);
export type CustomerSort = Static<typeof CustomerSort>;

const Text = (max: number) => Type.String({ maxLength: max });
const Tag = Type.String({ minLength: 1, maxLength: 20 });
const FilterText = Type.String({ minLength: 1, maxLength: 50 });

/**
 * Built-in saved views of the customer list: `mine` (I own it), `team` (my scope minus mine),
 * `stuck` (in its stage longer than the stage's expected dwell).
 */
export const CUSTOMER_VIEWS = ['mine', 'team', 'stuck'] as const;
export const CustomerView = Type.Enum(CUSTOMER_VIEWS);
export type CustomerView = (typeof CUSTOMER_VIEWS)[number];

export const CustomerListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    view: Type.Optional(CustomerView),
    stage: Type.Optional(Stage),
    kind: Type.Optional(CustomerKind),
    tier: Type.Optional(Tier),
    source: Type.Optional(Source),
    scale: Type.Optional(Scale),
    gender: Type.Optional(Gender),
    ownerId: Type.Optional(Id),
    industry: Type.Optional(FilterText),
    province: Type.Optional(FilterText),
    city: Type.Optional(FilterText),
    district: Type.Optional(FilterText),
    /** Customers carrying every one of these tags (`?tag=a&tag=b`). */
    tag: Type.Optional(Type.Array(Tag, { maxItems: 10 })),
    createdFrom: Type.Optional(Timestamp),
    createdTo: Type.Optional(Timestamp),
    updatedFrom: Type.Optional(Timestamp),
    updatedTo: Type.Optional(Timestamp),
    sort: Type.Optional(CustomerSort),
    /** In the current stage for at least this many whole days. */
    daysInStageMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 36500 })),
    /** In the current stage for at most this many whole days. */
    daysInStageMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 36500 })),
    /** In this relationship phase (考察期 / 形成期 / 稳定期 / 衰退期). */
    relationshipPhase: Type.Optional(RelationshipPhase),
    /** In this RFM segment of the latest nightly computation (重要价值客户 …). */
    rfmSegment: Type.Optional(RfmSegment),
    /** Not followed up for at least this many days (clock: later of last follow-up and ownership start). */
    noFollowUpDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
    /** Follow-up overdue: the last follow-up (or creation, without one) is older than the stage's cadence. */
    followUpOverdue: Type.Optional(Type.Boolean()),
    /** The trash: soft-deleted customers instead of live ones. */
    deleted: Type.Optional(Type.Boolean()),
    /** Custom field filters, `key:value` each (see `CustomFieldFilter`). */
    cf: Type.Optional(CustomFieldFilter),
  },
  { additionalProperties: false },
);
export type CustomerListQuery = Static<typeof CustomerListQuery>;

const editable = {
  kind: CustomerKind,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  /** A person's phone must be a mobile number; companies may give a landline (see `parsePhone`). */
  phone: Nullable(PhoneText),
  email: Nullable(Type.String({ format: 'email', maxLength: 254 })),
  /** 18 characters; the GB 32100-2015 check character is verified by the server. */
  creditCode: Nullable(Type.String({ minLength: 18, maxLength: 18 })),
  industry: Nullable(Text(50)),
  scale: Nullable(Scale),
  website: Nullable(Type.String({ maxLength: 200, pattern: '^(https?://)?[^\\s/$.?#][^\\s]*$' })),
  gender: Nullable(Gender),
  birthday: Nullable(DateOnly),
  tier: Nullable(Tier),
  source: Nullable(Source),
  stage: Stage,
  tags: Type.Array(Tag, { maxItems: 20, uniqueItems: true }),
  province: Nullable(Text(50)),
  city: Nullable(Text(50)),
  district: Nullable(Text(50)),
  regionCode: Nullable(Type.String({ pattern: REGION_CODE_PATTERN })),
  address: Nullable(Text(200)),
  remarks: Nullable(Text(2000)),
};

/**
 * The fields a create or edit may write, in the order they are stored and audited. The server builds
 * insert and update values from this list and the web form picks what it sends from it: a new
 * customer field is added here (and to `Customer`), in the schema and in the form layout.
 */
export const CUSTOMER_WRITABLE_FIELDS = Object.keys(editable) as CustomerWritableField[];
export type CustomerWritableField = keyof typeof editable;

/**
 * Fields only a company (B2B) or only a person (B2C) has (issue 3): the server rejects them on the
 * other kind (`validation.notForKind`).
 */
export const CUSTOMER_COMPANY_ONLY_FIELDS = [
  'creditCode',
  'scale',
  'website',
] as const satisfies CustomerWritableField[];
export const CUSTOMER_PERSON_ONLY_FIELDS = ['gender', 'birthday'] as const satisfies CustomerWritableField[];

/** Whether a field belongs to a customer of this kind (fields of neither list belong to both). */
export const customerFieldFitsKind = (field: string, kind: CustomerKind | string): boolean => {
  const foreign: readonly string[] = kind === 'person' ? CUSTOMER_COMPANY_ONLY_FIELDS : CUSTOMER_PERSON_ONLY_FIELDS;
  return !foreign.includes(field);
};

/** Customer fields a role may hide or make read-only (security A9), by their API name. */
export type CustomerProtectedField = ProtectedField extends `customers.${infer Field}` ? Field : never;
export const CUSTOMER_PROTECTED_FIELDS = PROTECTED_FIELDS.filter((key) => key.startsWith('customers.')).map((key) =>
  key.slice('customers.'.length),
) as CustomerProtectedField[];
/** The field permission guarding a customer field, or undefined when every role may edit it. */
export const customerFieldPermission = (field: string): ProtectedField | undefined =>
  PROTECTED_FIELDS.find((key) => key === `customers.${field}`);
/** How a role with these field permissions may treat a customer field: hidden, read-only or editable. */
export const customerFieldAccess = (permissions: FieldPermissions, field: string): FieldAccess => {
  const key = customerFieldPermission(field);
  return (key && permissions[key]) || 'edit';
};

const { kind: _kind, name: _name, stage: _stage, ...optionalByDefault } = editable;
const optionalEditable = {
  ...optionalProperties(optionalByDefault),
  /** Only users with `customers.assign` may name another owner. */
  ownerId: Type.Optional(Id),
};

export const CreateCustomerBody = Type.Object(
  {
    kind: editable.kind,
    name: editable.name,
    stage: Type.Optional(editable.stage),
    ...optionalEditable,
    customFields: Type.Optional(CustomFieldValues),
  },
  { additionalProperties: false },
);
export type CreateCustomerBody = Static<typeof CreateCustomerBody>;

export const UpdateCustomerBody = Type.Object(
  {
    kind: Type.Optional(editable.kind),
    name: Type.Optional(editable.name),
    ...optionalEditable,
    /** Only the keys sent change; `null` clears one. */
    customFields: Type.Optional(CustomFieldValues),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateCustomerBody = Static<typeof UpdateCustomerBody>;

/**
 * Columns of the customer list a user may show or hide (column chooser), in their order on screen.
 * `name` always shows; the default set fits a 1440 px screen without scrolling sideways.
 */
export const CUSTOMER_LIST_COLUMNS = [
  'customerNo',
  'name',
  'kind',
  'stage',
  'daysInStage',
  'relationshipPhase',
  'rfmSegment',
  'tier',
  'source',
  'phone',
  'city',
  'owner',
  'lastFollowUpAt',
  'nextContactAt',
  'daysWithoutFollowUp',
  'daysUntilReclaim',
  'tags',
  'updatedAt',
  'createdAt',
] as const;
export type CustomerListColumn = (typeof CUSTOMER_LIST_COLUMNS)[number];
export const CustomerListColumn = Type.Enum(CUSTOMER_LIST_COLUMNS);
/** A custom field's list column (`cf.<key>`, issue 14), shown after the built-in ones. */
export type CustomerCustomColumn = `cf.${string}`;
export const CUSTOMER_CUSTOM_COLUMN_PATTERN = '^cf\\.[a-z][a-z0-9_]{0,39}$';
/** A column a user may choose: a built-in one or a custom field's. */
export type CustomerColumnChoice = CustomerListColumn | CustomerCustomColumn;
export const CustomerColumnChoice = Type.Union([
  CustomerListColumn,
  Type.Unsafe<CustomerCustomColumn>(Type.String({ pattern: CUSTOMER_CUSTOM_COLUMN_PATTERN })),
]);
export const DEFAULT_CUSTOMER_LIST_COLUMNS: CustomerListColumn[] = [
  'name',
  'stage',
  'owner',
  'lastFollowUpAt',
  'nextContactAt',
  'daysWithoutFollowUp',
  'daysUntilReclaim',
  'updatedAt',
];
