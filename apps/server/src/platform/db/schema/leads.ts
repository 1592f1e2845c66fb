import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import {
  editable,
  externalId,
  externalIdKey,
  liveIndex,
  organizationReference,
  searchTokens,
  softDeletedBy,
  tenantKey,
  tenantPrimaryKey,
  tenantReference,
} from './columns.js';
import { contacts } from './contacts.js';
import { customers } from './customers.js';
import { organizations, users } from './organizations.js';
import { poolMembersTable } from './pool-members.js';

/** Lead pools (线索池): one per trade fair or channel, with admins and members. */
export const leadPools = pgTable(
  'lead_pools',
  {
    ...tenantKey(),
    name: varchar('name', { length: 64 }).notNull(),
    description: text('description'),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    uniqueIndex('lead_pools_name_key').on(t.orgId, t.name),
  ],
);

/** Pool admins (users) and members (users or whole departments). */
export const leadPoolMembers = poolMembersTable('lead_pool_members', leadPools, { departmentIndex: true });

/** Leads: unqualified people or companies; converted once into customer + contact. */
export const leads = pgTable(
  'leads',
  {
    ...tenantKey(),
    poolId: uuid('pool_id'),
    name: varchar('name', { length: 50 }).notNull(),
    companyName: varchar('company_name', { length: 100 }),
    title: varchar('title', { length: 50 }),
    mobile: varchar('mobile', { length: 40 }),
    phone: varchar('phone', { length: 40 }),
    email: varchar('email', { length: 254 }),
    wechat: varchar('wechat', { length: 50 }),
    source: varchar('source', { length: 32 }),
    ownerId: uuid('owner_id'),
    status: varchar('status', { length: 12 }).notNull().default('new'),
    remarks: text('remarks'),
    convertedCustomerId: uuid('converted_customer_id'),
    convertedContactId: uuid('converted_contact_id'),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    // Kept in step by the follow-ups module.
    lastFollowUpAt: timestamp('last_follow_up_at', { withTimezone: true }),
    nextContactAt: timestamp('next_contact_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    ...externalId(),
    ...editable(),
    ...softDeletedBy(),
    // Normalized copies for the duplicate check (domain §4), written by the application.
    companyNormalized: varchar('company_normalized', { length: 200 }),
    /** E.164 forms (the duplicate check's keys) and the phone's extension. */
    mobileE164: varchar('mobile_e164', { length: 16 }),
    phoneE164: varchar('phone_e164', { length: 16 }),
    phoneExt: varchar('phone_ext', { length: 10 }),
    emailNormalized: varchar('email_normalized', { length: 254 }),
    ...searchTokens(),
  },
  (t) => [
    externalIdKey('leads', t),
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.poolId, leadPools),
    tenantReference(t, t.ownerId, users),
    tenantReference(t, t.convertedCustomerId, customers),
    tenantReference(t, t.convertedContactId, contacts),
    check('leads_status_check', sql`status in ('new', 'assigned', 'converted', 'invalid')`),
    liveIndex('leads_owner_updated_idx', t.orgId, t.ownerId, t.updatedAt, t.id),
    liveIndex('leads_updated_idx', t.orgId, t.updatedAt, t.id),
    index('leads_pool_idx')
      .on(t.orgId, t.poolId, t.updatedAt, t.id)
      .where(sql`owner_id is null and deleted_at is null`),
    index('leads_owner_next_contact_idx')
      .on(t.orgId, t.ownerId, t.nextContactAt)
      .where(sql`deleted_at is null and next_contact_at is not null`),
    index('leads_deleted_idx')
      .on(t.orgId, t.deletedAt, t.id)
      .where(sql`deleted_at is not null`),
    index('leads_search_idx').using('gin', t.searchTokens),
    liveIndex('leads_mobile_e164_idx', t.orgId, t.mobileE164),
    liveIndex('leads_phone_e164_idx', t.orgId, t.phoneE164),
    liveIndex('leads_email_normalized_idx', t.orgId, t.emailNormalized),
  ],
);
