import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { created, editable, organizationReference, tenantKey, tenantPrimaryKey, tenantReference } from './columns.js';
import { customers } from './customers.js';
import { organizations, users } from './organizations.js';
import { poolMembersTable } from './pool-members.js';

/** Customer pools (公海, domain §3): rules and visible fields live with the pool. */
export const customerPools = pgTable(
  'customer_pools',
  {
    ...tenantKey(),
    name: varchar('name', { length: 64 }).notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    openToAll: boolean('open_to_all').notNull().default(false),
    rules: jsonb('rules').notNull(),
    visibleFields: jsonb('visible_fields').$type<string[]>().notNull(),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    uniqueIndex('customer_pools_name_key').on(t.orgId, t.name),
    uniqueIndex('customer_pools_default_key')
      .on(t.orgId)
      .where(sql`is_default`),
  ],
);

/** Pool admins (users) and members (users or whole departments). */
export const customerPoolMembers = poolMembersTable('customer_pool_members', customerPools);

/** Extra users with access to a customer; a transfer may keep the old owner here read-only. */
export const customerTeamMembers = pgTable(
  'customer_team_members',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    userId: uuid('user_id').notNull(),
    access: varchar('access', { length: 10 }).notNull().default('read'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    ...created(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId, t.userId] }),
    tenantReference(t, t.customerId, customers).onDelete('cascade'),
    tenantReference(t, t.userId, users).onDelete('cascade'),
    index('customer_team_members_user_idx').on(t.orgId, t.userId),
  ],
);

/** Append-only: every claim, assign, transfer, return, reclaim, lock and unlock (design §3). */
export const ownershipEvents = pgTable(
  'ownership_events',
  {
    ...tenantKey(),
    customerId: uuid('customer_id').notNull(),
    kind: varchar('kind', { length: 12 }).notNull(),
    actorId: uuid('actor_id'),
    /** The rule that acted when no user did, e.g. `pools.reclaim`. */
    rule: varchar('rule', { length: 64 }),
    fromUserId: uuid('from_user_id'),
    toUserId: uuid('to_user_id'),
    poolId: uuid('pool_id'),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.customerId, customers),
    index('ownership_events_customer_idx').on(t.orgId, t.customerId, t.at),
    // Daily claim limit: a member's claims since the start of the local day.
    index('ownership_events_actor_idx').on(t.orgId, t.actorId, t.kind, t.at),
    // To-do inbox: records given to a user recently.
    index('ownership_events_to_user_idx').on(t.orgId, t.toUserId, t.at),
  ],
);
