import type { CustomFieldOption } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { editable, organizationReference, softDeleted, tenantKey, tenantPrimaryKey } from './columns.js';
import { organizations } from './organizations.js';

/**
 * Custom fields (自定义字段, issue 14) an administrator adds to customers, contacts, opportunities
 * or orders. Records hold their values in their own `custom_fields` column by `key`, which never
 * changes; an archived (`deleted_at`) field keeps its values but is no longer shown or asked for.
 */
export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    ...tenantKey(),
    entity: varchar('entity', { length: 20 }).notNull(),
    key: varchar('key', { length: 40 }).notNull(),
    label: varchar('label', { length: 40 }).notNull(),
    labelEn: varchar('label_en', { length: 60 }),
    type: varchar('type', { length: 20 }).notNull(),
    options: jsonb('options')
      .$type<CustomFieldOption[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    required: boolean('required').notNull().default(false),
    showInList: boolean('show_in_list').notNull().default(false),
    showOnDetail: boolean('show_on_detail').notNull().default(true),
    sortOrder: integer('sort_order').notNull(),
    ...editable(),
    ...softDeleted(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    // Archived fields keep their key: records may still hold values under it.
    uniqueIndex('custom_field_definitions_key').on(t.orgId, t.entity, t.key),
  ],
);
