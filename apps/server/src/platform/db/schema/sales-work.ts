import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  created,
  editable,
  externalId,
  externalIdKey,
  liveIndex,
  organizationReference,
  softDeleted,
  softDeletedBy,
  tenantKey,
  tenantPrimaryKey,
  tenantReference,
  uuidList,
} from './columns.js';
import { customers } from './customers.js';
import { leads } from './leads.js';
import { organizations, users } from './organizations.js';

/**
 * An organization's follow-up types (跟进方式). An org without rows uses the defaults kept in code
 * (modules/follow-ups/follow-up-types.defaults.ts), like lifecycle stages.
 */
export const followUpTypes = pgTable(
  'follow_up_types',
  {
    orgId: uuid('org_id').notNull(),
    code: varchar('code', { length: 20 }).notNull(),
    nameZh: varchar('name_zh', { length: 32 }).notNull(),
    nameEn: varchar('name_en', { length: 32 }).notNull(),
    sortOrder: integer('sort_order').notNull(),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.code] }), organizationReference(t, organizations)],
);

/**
 * Follow-ups (跟进记录) on a customer or a lead; an opportunity's follow-up also carries its
 * customer. Scope follows the parent record (security A3).
 */
export const followUps = pgTable(
  'follow_ups',
  {
    ...tenantKey(),
    customerId: uuid('customer_id'),
    leadId: uuid('lead_id'),
    // No foreign key yet: the opportunities table is created by the opportunities module.
    opportunityId: uuid('opportunity_id'),
    type: varchar('type', { length: 20 }).notNull(),
    content: text('content').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    nextContactAt: timestamp('next_contact_at', { withTimezone: true }),
    contactIds: uuidList('contact_ids'),
    authorId: uuid('author_id').notNull(),
    ...externalId(),
    ...editable(),
    ...softDeletedBy(),
  },
  (t) => [
    externalIdKey('follow_ups', t),
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.customerId, customers),
    tenantReference(t, t.leadId, leads),
    tenantReference(t, t.authorId, users),
    check('follow_ups_one_parent', sql`(customer_id is null) <> (lead_id is null)`),
    // Keyset pages of a parent's follow-ups, newest first (bench W5).
    liveIndex('follow_ups_customer_idx', t.orgId, t.customerId, t.occurredAt, t.id),
    liveIndex('follow_ups_lead_idx', t.orgId, t.leadId, t.occurredAt, t.id),
    index('follow_ups_opportunity_idx')
      .on(t.orgId, t.opportunityId, t.occurredAt, t.id)
      .where(sql`deleted_at is null and opportunity_id is not null`),
    index('follow_ups_author_idx').on(t.orgId, t.authorId, t.occurredAt),
  ],
);

/** Field check-ins (签到拜访): server time, optional browser position, else a typed address. */
export const visits = pgTable(
  'visits',
  {
    ...tenantKey(),
    customerId: uuid('customer_id').notNull(),
    userId: uuid('user_id').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    latitude: numeric('latitude', { precision: 9, scale: 6 }),
    longitude: numeric('longitude', { precision: 9, scale: 6 }),
    accuracyM: integer('accuracy_m'),
    address: varchar('address', { length: 200 }),
    note: text('note'),
    followUpId: uuid('follow_up_id'),
    ...created(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.customerId, customers),
    tenantReference(t, t.userId, users),
    tenantReference(t, t.followUpId, followUps),
    check('visits_position_or_address', sql`(latitude is not null and longitude is not null) or address is not null`),
    index('visits_user_idx').on(t.orgId, t.userId, t.checkedInAt),
    index('visits_customer_idx').on(t.orgId, t.customerId, t.checkedInAt),
  ],
);

/** Files attached to a record (for now: follow-ups); bytes live on disk under a server-made key. */
export const attachments = pgTable(
  'attachments',
  {
    ...tenantKey(),
    entity: varchar('entity', { length: 30 }).notNull(),
    entityId: uuid('entity_id').notNull(),
    fileName: varchar('file_name', { length: 200 }).notNull(),
    contentType: varchar('content_type', { length: 100 }).notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    storageKey: varchar('storage_key', { length: 200 }).notNull(),
    createdBy: uuid('created_by').notNull(),
    ...created(),
    ...softDeleted(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.createdBy, users),
    liveIndex('attachments_entity_idx', t.orgId, t.entity, t.entityId),
  ],
);
