import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
  integer,
  index,
} from 'drizzle-orm/pg-core';
import { created, editable, organizationReference, tenantKey, tenantPrimaryKey, tenantReference } from './columns.js';

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    name: varchar('name', { length: 100 }).notNull(),
    /**
     * Short login code (`demo`, `acme`): sign-in names the organization with it, because login names
     * are unique per organization only (issue 10). Lower-case letters, digits and hyphens.
     */
    code: varchar('code', { length: 32 }).notNull(),
    timeZone: varchar('time_zone', { length: 64 }).notNull().default('Asia/Shanghai'),
    defaultLocale: varchar('default_locale', { length: 8 }).notNull().default('zh-CN'),
    ...created(),
  },
  (t) => [uniqueIndex('organizations_code_key').on(sql`lower(${t.code})`)],
);

export const departments = pgTable(
  'departments',
  {
    ...tenantKey(),
    name: varchar('name', { length: 64 }).notNull(),
    parentId: uuid('parent_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.parentId, t),
    index('departments_parent_idx').on(t.orgId, t.parentId),
  ],
);

export const users = pgTable(
  'users',
  {
    ...tenantKey(),
    username: varchar('username', { length: 32 }).notNull(),
    displayName: varchar('display_name', { length: 64 }).notNull(),
    passwordHash: text('password_hash').notNull(),
    email: varchar('email', { length: 254 }),
    mobile: varchar('mobile', { length: 20 }),
    departmentId: uuid('department_id'),
    managerId: uuid('manager_id'),
    locale: varchar('locale', { length: 8 }).notNull().default('zh-CN'),
    disabled: boolean('disabled').notNull().default(false),
    /**
     * Operates the installation itself (jobs that span every organization, such as the nightly
     * ANALYZE). Granted by `create-admin --operator` and to the first organization's administrators.
     */
    systemOperator: boolean('system_operator').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.departmentId, departments),
    tenantReference(t, t.managerId, t),
    // Login names are unique per organization; sign-in names the organization by its code (issue 10).
    uniqueIndex('users_username_key').on(t.orgId, sql`lower(${t.username})`),
    index('users_department_idx').on(t.orgId, t.departmentId),
    index('users_manager_idx').on(t.orgId, t.managerId),
  ],
);

export const roles = pgTable(
  'roles',
  {
    ...tenantKey(),
    code: varchar('code', { length: 32 }).notNull(),
    name: varchar('name', { length: 64 }).notNull(),
    description: text('description').notNull().default(''),
    permissions: jsonb('permissions').$type<string[]>().notNull().default([]),
    dataScope: varchar('data_scope', { length: 20 }).notNull(),
    fieldPermissions: jsonb('field_permissions').$type<Record<string, string>>().notNull().default({}),
    builtIn: boolean('built_in').notNull().default(false),
    /**
     * Built-in roles only: the template permission list the role was last synced with, so a sync
     * adds only what the template gained since (and keeps what an admin removed). Null on custom roles.
     */
    templatePermissions: jsonb('template_permissions').$type<string[]>(),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    uniqueIndex('roles_code_key').on(t.orgId, t.code),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    roleId: uuid('role_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId, t.roleId] }),
    tenantReference(t, t.userId, users).onDelete('cascade'),
    tenantReference(t, t.roleId, roles),
    index('user_roles_role_idx').on(t.orgId, t.roleId),
  ],
);

/** Per-organization counters for human numbers (customer no. KH000001 …). */
export const orgSequences = pgTable(
  'org_sequences',
  {
    orgId: uuid('org_id').notNull(),
    name: varchar('name', { length: 32 }).notNull(),
    prefix: varchar('prefix', { length: 16 }).notNull(),
    nextValue: bigint('next_value', { mode: 'number' }).notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.name] }), organizationReference(t, organizations)],
);
