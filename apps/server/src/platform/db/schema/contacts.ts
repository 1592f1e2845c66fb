import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import {
  editable,
  externalId,
  externalIdKey,
  liveIndex,
  searchTokens,
  softDeletedBy,
  tenantKey,
  tenantPrimaryKey,
  tenantReference,
  customFieldValues,
} from './columns.js';
import { customers } from './customers.js';

/** People at a customer; scope follows the customer (security A3). */
export const contacts = pgTable(
  'contacts',
  {
    ...tenantKey(),
    customerId: uuid('customer_id').notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    gender: varchar('gender', { length: 10 }),
    title: varchar('title', { length: 50 }),
    department: varchar('department', { length: 50 }),
    mobile: varchar('mobile', { length: 40 }),
    email: varchar('email', { length: 254 }),
    wechat: varchar('wechat', { length: 50 }),
    isPrimary: boolean('is_primary').notNull().default(false),
    isDecisionMaker: boolean('is_decision_maker').notNull().default(false),
    remarks: text('remarks'),
    createdBy: uuid('created_by'),
    ...externalId(),
    ...customFieldValues(),
    ...editable(),
    ...softDeletedBy(),
    nameNormalized: varchar('name_normalized', { length: 100 }),
    /** The mobile's E.164 form, the duplicate check's key (a mobile has no extension). */
    mobileE164: varchar('mobile_e164', { length: 16 }),
    emailNormalized: varchar('email_normalized', { length: 254 }),
    ...searchTokens(),
  },
  (t) => [
    externalIdKey('contacts', t),
    tenantPrimaryKey(t),
    tenantReference(t, t.customerId, customers),
    liveIndex('contacts_customer_idx', t.orgId, t.customerId, t.id),
    // At most one live primary contact per customer; the service keeps it exactly one.
    uniqueIndex('contacts_primary_key')
      .on(t.orgId, t.customerId)
      .where(sql`is_primary and deleted_at is null`),
    liveIndex('contacts_mobile_e164_idx', t.orgId, t.mobileE164),
    liveIndex('contacts_email_normalized_idx', t.orgId, t.emailNormalized),
    index('contacts_deleted_idx')
      .on(t.orgId, t.deletedAt, t.id)
      .where(sql`deleted_at is not null`),
    index('contacts_search_idx').using('gin', t.searchTokens),
  ],
);
