import { Type, type Static } from 'typebox';

/** Lifecycle stages (domain §2); codes are stable, names come from i18n. */
export const STAGES = ['prospect', 'interested', 'first_purchase', 'repeat', 'lost'] as const;
export const Stage = Type.Enum(STAGES);
export type Stage = (typeof STAGES)[number];

export const CUSTOMER_KINDS = ['company', 'person'] as const;
export const CustomerKind = Type.Enum(CUSTOMER_KINDS);
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

/**
 * Customer levels (客户等级), sources and industries are the organization's dictionaries
 * (dictionaries.ts): records carry an entry's code, and the server checks it against the active
 * entries. These are the codes every organization starts with (its seed keeps them), so stored
 * data, imports and pools' per-level rules written before the dictionaries keep working.
 */
export const TIERS = ['A', 'B', 'C'] as const;
/** A customer level's code (客户等级): the built-in A / B / C or one an admin added. */
export const Tier = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_]+$' });
export type Tier = string;

export const SOURCES = [
  'trade_fair',
  'referral',
  'search_engine',
  'advertising',
  'online_inquiry',
  'phone_inquiry',
  'cold_visit',
  'walk_in',
  'other',
] as const;
/** A source's code (客户来源): a built-in one or one an admin added. */
export const Source = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_]+$' });
export type Source = string;

/** Company size by head count (B2B customers). */
export const SCALES = ['1-19', '20-99', '100-499', '500-999', '1000+'] as const;
export const Scale = Type.Enum(SCALES);
export type Scale = (typeof SCALES)[number];

export const GENDERS = ['male', 'female', 'unknown'] as const;
export const Gender = Type.Enum(GENDERS);
export type Gender = (typeof GENDERS)[number];

/** Data scopes, narrowest first; with several roles the widest wins (design §4). */
export const DATA_SCOPES = ['own', 'own_subordinates', 'department', 'department_tree', 'all'] as const;
export const DataScope = Type.Enum(DATA_SCOPES);
export type DataScope = Static<typeof DataScope>;

/**
 * Action permissions per module. A permission is written `module.action`. `export` downloads a
 * module's list as a file (issue 12): whole lists leave the system, so it is a right of its own.
 */
export const PERMISSION_CATALOG = {
  customers: ['view', 'create', 'edit', 'delete', 'assign', 'export', 'import'],
  contacts: ['view', 'create', 'edit', 'delete', 'import', 'export'],
  departments: ['view', 'manage'],
  // `handover`: hand a leaving user's customers and work to colleagues, then deactivate them (issue 13).
  users: ['view', 'manage', 'handover'],
  // The organization's own settings, such as its login code (issue 10).
  organization: ['manage'],
  roles: ['view', 'manage'],
  audit: ['view'],
  lifecycle: ['view', 'move', 'approve', 'manage', 'export'],
  pools: ['view', 'claim', 'manage', 'export'],
  jobs: ['view', 'manage'],
  leads: ['view', 'create', 'edit', 'delete', 'assign', 'claim', 'convert', 'manage', 'import', 'export'],
  // Sales work (issue 4). Follow-ups, visits and opportunities follow their customer's scope.
  followups: ['view', 'create', 'edit', 'delete', 'manage', 'import', 'export'],
  visits: ['view', 'create', 'export'],
  tasks: ['view', 'create', 'edit', 'delete', 'export'],
  reports: ['view', 'create', 'review', 'manage', 'export'],
  plans: ['view', 'create', 'review', 'export'],
  opportunities: ['view', 'create', 'edit', 'delete', 'manage', 'export'],
  team: ['view', 'export'],
  // Orders and money (issue 5). Orders, payments and customer expenses follow the customer's scope.
  approvals: ['view', 'manage'],
  products: ['view', 'manage', 'import', 'export'],
  orders: ['view', 'create', 'edit', 'delete', 'confirm', 'cancel', 'import', 'export'],
  credit: ['view', 'manage', 'override'],
  payments: ['view', 'create', 'void', 'import', 'export'],
  stock: ['view', 'record', 'issue', 'manage', 'export'],
  expenses: ['view', 'create', 'export'],
  finance: ['view', 'manage', 'export'],
  // Custom fields on customers, contacts, opportunities and orders (issue 14).
  customFields: ['manage'],
  // Saved list views (issue 10): one's own need no right; showing one to the whole organization does.
  views: ['share'],
  // The organization's dictionaries (sources, industries, customer levels); everyone signed in reads them.
  dictionaries: ['manage'],
  // Return visits after orders and complaints (issue 15): service handles them, managers set the rules.
  returnVisits: ['view', 'handle', 'manage', 'export'],
  // The member program (issue 15): `approve` adjusts points above the approval threshold without a request.
  members: ['view', 'manage', 'approve'],
  // Complaints / service tickets (issue 15): `handle` works tickets (assign, reply, resolve, close,
  // reopen); `manage` keeps the working calendar, SLA targets, assignment rules and categories.
  complaints: ['view', 'create', 'handle', 'manage'],
} as const;
export type PermissionModule = keyof typeof PERMISSION_CATALOG;
export type Permission = {
  [M in PermissionModule]: `${M}.${(typeof PERMISSION_CATALOG)[M][number]}`;
}[PermissionModule];
export const ALL_PERMISSIONS = Object.entries(PERMISSION_CATALOG).flatMap(([module, actions]) =>
  actions.map((action) => `${module}.${action}`),
) as Permission[];
export const PermissionSchema = Type.Enum(ALL_PERMISSIONS);

/** Fields a role may hide or make read-only (security A9). */
export const PROTECTED_FIELDS = [
  'customers.phone',
  'customers.email',
  'customers.address',
  'customers.remarks',
] as const;
export type ProtectedField = (typeof PROTECTED_FIELDS)[number];
export const FIELD_ACCESS = ['hidden', 'read', 'edit'] as const;
export const FieldAccess = Type.Enum(FIELD_ACCESS);
export type FieldAccess = (typeof FIELD_ACCESS)[number];
// One optional access level per protected field: a field added to PROTECTED_FIELDS is accepted here too.
const fieldPermissionProperties = Object.fromEntries(
  PROTECTED_FIELDS.map((field) => [field, Type.Optional(FieldAccess)]),
) as { [F in ProtectedField]: ReturnType<typeof Type.Optional<typeof FieldAccess>> };
/** A custom field's permission key (`custom.customer.grade`, issue 14): administrators add these fields. */
export const CUSTOM_FIELD_PERMISSION_PATTERN = '^custom\\.(customer|contact|opportunity|order)\\.[a-z][a-z0-9_]{0,39}$';
export type CustomFieldPermissionKey = `custom.${string}`;
export const FieldPermissions = Type.Object(fieldPermissionProperties, {
  additionalProperties: false,
  patternProperties: { [CUSTOM_FIELD_PERMISSION_PATTERN]: FieldAccess },
  maxProperties: 500,
});
export type FieldPermissions = Partial<Record<ProtectedField, FieldAccess>> & {
  [key: CustomFieldPermissionKey]: FieldAccess;
};

/** Business types an approval flow exists for (issue 5); one flow per type and organization. */
export const APPROVAL_BUSINESS_TYPES = [
  'stage_transition',
  'price_below_authority',
  'credit_override',
  'expense',
  'contract',
  'member_points_adjust',
] as const;
export const ApprovalBusinessType = Type.Enum(APPROVAL_BUSINESS_TYPES);
export type ApprovalBusinessType = (typeof APPROVAL_BUSINESS_TYPES)[number];
