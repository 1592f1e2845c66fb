import { index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { created, tenantPrimaryKey, tenantReference } from './columns.js';
import { users } from './organizations.js';

/** Sessions live in the database so that logout, disable and password change end them at once. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    ...created(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 300 }),
  },
  (t) => [tenantReference(t, t.userId, users).onDelete('cascade'), index('sessions_user_idx').on(t.orgId, t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    name: varchar('name', { length: 64 }).notNull(),
    prefix: varchar('prefix', { length: 16 }).notNull(),
    tokenHash: text('token_hash').notNull(),
    ...created(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    /** Chosen at creation (default 90 days); an expired token authenticates nothing. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.userId, users).onDelete('cascade'),
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    index('api_tokens_user_idx').on(t.orgId, t.userId),
  ],
);
