import { boolean, integer, pgTable, primaryKey, uuid, varchar } from 'drizzle-orm/pg-core';
import { editable, organizationReference } from './columns.js';
import { organizations } from './organizations.js';

/**
 * The organization's dictionaries (数据字典, issue 14): customer sources, industries and customer
 * levels. Records keep an entry's `code` (customers.source / industry / tier, leads.source), so an
 * entry is never deleted — an inactive one still labels the records and reports that carry it.
 */
export const dictionaryEntries = pgTable(
  'dictionary_entries',
  {
    orgId: uuid('org_id').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    code: varchar('code', { length: 32 }).notNull(),
    nameZh: varchar('name_zh', { length: 32 }).notNull(),
    nameEn: varchar('name_en', { length: 48 }).notNull(),
    sortOrder: integer('sort_order').notNull(),
    active: boolean('active').notNull().default(true),
    builtIn: boolean('built_in').notNull().default(false),
    ...editable(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.code] }), organizationReference(t, organizations)],
);
