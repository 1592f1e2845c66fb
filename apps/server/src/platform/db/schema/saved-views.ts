import { boolean, index, jsonb, pgTable, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { tenantKey, tenantPrimaryKey, tenantReference, timestamps } from './columns.js';
import { users } from './organizations.js';

/** A user's named list query (filters, sort) for one module's list screen; shared views show to the whole org. */
export const savedViews = pgTable(
  'saved_views',
  {
    ...tenantKey(),
    userId: uuid('user_id').notNull(),
    module: varchar('module', { length: 32 }).notNull(),
    name: varchar('name', { length: 64 }).notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    shared: boolean('shared').notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.userId, users).onDelete('cascade'),
    uniqueIndex('saved_views_name_key').on(t.orgId, t.userId, t.module, t.name),
    index('saved_views_module_idx').on(t.orgId, t.module),
  ],
);

/**
 * A user's own settings of one list screen (which columns show), kept on the server so they follow
 * the user to every device. One row per user and list; no row means the defaults.
 */
export const listPreferences = pgTable(
  'list_preferences',
  {
    ...tenantKey(),
    userId: uuid('user_id').notNull(),
    list: varchar('list', { length: 32 }).notNull(),
    columns: jsonb('columns').$type<string[]>().notNull(),
    ...timestamps(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.userId, users).onDelete('cascade'),
    uniqueIndex('list_preferences_user_list_key').on(t.orgId, t.userId, t.list),
  ],
);
