import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { created, tenantKey, tenantPrimaryKey, tenantReference } from './columns.js';
import { users } from './organizations.js';

/** What the user is told about: kind + params (rendered by the web in the user's language) and the record. */
const userNotice = () => ({
  userId: uuid('user_id').notNull(),
  kind: varchar('kind', { length: 40 }).notNull(),
  params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
  entity: varchar('entity', { length: 40 }).notNull(),
  entityId: varchar('entity_id', { length: 64 }).notNull(),
});

/** In-app notifications: kind + params, rendered by the web in the user's language. */
export const notifications = pgTable(
  'notifications',
  {
    ...tenantKey(),
    ...userNotice(),
    dedupeKey: varchar('dedupe_key', { length: 200 }),
    readAt: timestamp('read_at', { withTimezone: true }),
    ...created(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.userId, users).onDelete('cascade'),
    index('notifications_user_idx').on(t.orgId, t.userId, t.id),
    index('notifications_unread_idx')
      .on(t.orgId, t.userId, t.id)
      .where(sql`read_at is null`),
    uniqueIndex('notifications_dedupe_key').on(t.orgId, t.userId, t.dedupeKey),
  ],
);

/** To-dos: items needing the user's action; idempotent by (user, dedupe key). */
export const todos = pgTable(
  'todos',
  {
    ...tenantKey(),
    ...userNotice(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    dedupeKey: varchar('dedupe_key', { length: 200 }).notNull(),
    ...created(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.userId, users).onDelete('cascade'),
    index('todos_user_idx').on(t.orgId, t.userId, t.id),
    index('todos_entity_idx').on(t.orgId, t.entity, t.entityId),
    uniqueIndex('todos_dedupe_key').on(t.orgId, t.userId, t.dedupeKey),
  ],
);
