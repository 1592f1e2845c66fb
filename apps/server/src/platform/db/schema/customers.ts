import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { tenantKey, timestamps, tsvector, versioned } from './columns.js';
import { organizations, users } from './organizations.js';

export const customers = pgTable(
  'customers',
  {
    ...tenantKey(),
    customerNo: varchar('customer_no', { length: 32 }).notNull(),
    kind: varchar('kind', { length: 10 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    phone: varchar('phone', { length: 20 }),
    email: varchar('email', { length: 254 }),
    industry: varchar('industry', { length: 50 }),
    tier: varchar('tier', { length: 1 }),
    source: varchar('source', { length: 20 }),
    stage: varchar('stage', { length: 20 }).notNull().default('prospect'),
    stageEnteredAt: timestamp('stage_entered_at', { withTimezone: true }).notNull().defaultNow(),
    city: varchar('city', { length: 50 }),
    address: varchar('address', { length: 200 }),
    remarks: text('remarks'),
    ownerId: uuid('owner_id'),
    lastFollowUpAt: timestamp('last_follow_up_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    ...timestamps(),
    ...versioned(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by'),
    searchTokens: tsvector('search_tokens').notNull().default(sql`''::tsvector`),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    uniqueIndex('customers_no_key').on(t.orgId, t.customerNo),
    // Keyset pagination indexes: (filter…, sort key, id) for live rows only.
    index('customers_owner_updated_idx').on(t.orgId, t.ownerId, t.updatedAt, t.id).where(sql`deleted_at is null`),
    index('customers_owner_stage_updated_idx')
      .on(t.orgId, t.ownerId, t.stage, t.updatedAt, t.id)
      .where(sql`deleted_at is null`),
    index('customers_updated_idx').on(t.orgId, t.updatedAt, t.id).where(sql`deleted_at is null`),
    index('customers_stage_updated_idx').on(t.orgId, t.stage, t.updatedAt, t.id).where(sql`deleted_at is null`),
    index('customers_created_idx').on(t.orgId, t.createdAt, t.id).where(sql`deleted_at is null`),
    index('customers_name_idx').on(t.orgId, t.name, t.id).where(sql`deleted_at is null`),
    index('customers_deleted_idx').on(t.orgId, t.deletedAt, t.id).where(sql`deleted_at is not null`),
    index('customers_search_idx').using('gin', t.searchTokens),
  ],
);
