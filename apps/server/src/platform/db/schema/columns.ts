import type { CustomFieldValues } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
  type AnyPgColumn,
  uniqueIndex,
  type IndexBuilderOn,
} from 'drizzle-orm/pg-core';

/** Search lexemes built by the application (design §3), stored as a 'simple' tsvector. */
export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/** Every business table starts with the tenant and a time-ordered id (design §3). */
export const tenantKey = () => ({
  orgId: uuid('org_id').notNull(),
  id: uuid('id').notNull(),
});

/** When an append-only row was written. */
export const created = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const timestamps = () => ({
  ...created(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Optimistic locking: updates send the version back; a stale one answers 409. */
export const versioned = () => ({ version: integer('version').notNull().default(1) });

/** A row edited through the API: its times and the optimistic-lock version. */
export const editable = () => ({ ...timestamps(), ...versioned() });

/** Soft delete: a row with `deleted_at` set is gone for every read but stays for the audit trail. */
export const softDeleted = () => ({ deletedAt: timestamp('deleted_at', { withTimezone: true }) });

/** Soft delete that also records who deleted the row. */
export const softDeletedBy = () => ({ ...softDeleted(), deletedBy: uuid('deleted_by') });

/** An id list that is empty, never null, when there is nothing in it. */
export const uuidList = <N extends string>(name: N) =>
  uuid(name)
    .array()
    .notNull()
    .default(sql`'{}'::uuid[]`);

/** Values of the organization's custom fields by key (issue 14): an empty object, never null. */
export const customFieldValues = () => ({
  customFields: jsonb('custom_fields')
    .$type<CustomFieldValues>()
    .notNull()
    .default(sql`'{}'::jsonb`),
});

/** A text list that is empty, never null, when there is nothing in it. */
export const textList = <N extends string>(name: N) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

/** Search lexemes of the row, written by the application with the row (design §3). */
export const searchTokens = () => ({
  searchTokens: tsvector('search_tokens')
    .notNull()
    .default(sql`''::tsvector`),
});

/**
 * Money as integer minor units (分 for CNY), never floats or decimals (design §3); `mode: 'number'`
 * is exact because the API caps amounts far below 2^53.
 */
export const fen = <N extends string>(name: N) => bigint(name, { mode: 'number' });

/** The ISO 4217 code the amounts of a row are in; pair it with `currencyCheck`. */
export const currency = () => ({ currency: varchar('currency', { length: 3 }).notNull().default('CNY') });

export const currencyCheck = (table: string) => check(`${table}_currency`, sql`currency ~ '^[A-Z]{3}$'`);

type TenantRow = { orgId: AnyPgColumn; id: AnyPgColumn };

/** The primary key of a tenant table: (org_id, id). */
export const tenantPrimaryKey = (t: TenantRow) => primaryKey({ columns: [t.orgId, t.id] });

/**
 * A reference that stays inside the organization: (org_id, column) → (target.org_id, target.id),
 * so a row can never point at another tenant's row. The constraint name is drizzle's default.
 */
export const tenantReference = (t: { orgId: AnyPgColumn }, column: AnyPgColumn, target: TenantRow) =>
  foreignKey({ columns: [t.orgId, column], foreignColumns: [target.orgId, target.id] });

/** The reference from a tenant table to its organization. */
export const organizationReference = (t: { orgId: AnyPgColumn }, organizations: { id: AnyPgColumn }) =>
  foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] });

/** An index over the live rows only: soft-deleted rows are never listed, so they are left out. */
export const liveIndex = (name: string, ...columns: Parameters<IndexBuilderOn['on']>) =>
  index(name)
    .on(...columns)
    .where(sql`deleted_at is null`);

/**
 * The key a record had in the system it was imported from (issue 12): re-importing a file finds
 * the record by it instead of creating it again. Null for records made in Guanxi.
 */
export const externalId = () => ({ externalId: text('external_id') });

/** One external id per organization and table, soft-deleted rows included (`<table>_external_id_key`). */
export const externalIdKey = (table: string, t: { orgId: AnyPgColumn; externalId: AnyPgColumn }) =>
  uniqueIndex(`${table}_external_id_key`)
    .on(t.orgId, t.externalId)
    .where(sql`external_id is not null`);
