import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { editable, organizationReference, softDeleted, tenantKey, tenantPrimaryKey } from './columns.js';
import { organizations } from './organizations.js';

/**
 * The organization's competitor list (竞争对手), kept by admins; a salesperson typing a new name on
 * an opportunity adds one. Archived (`deleted_at`) competitors stay for the opportunities and
 * reports that name them.
 */
export const competitors = pgTable(
  'competitors',
  {
    ...tenantKey(),
    name: varchar('name', { length: 64 }).notNull(),
    website: varchar('website', { length: 200 }),
    notes: text('notes'),
    ...editable(),
    ...softDeleted(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    // A name once per organization among live competitors, so free entry finds the existing one.
    uniqueIndex('competitors_name_key')
      .on(t.orgId, sql`lower(${t.name})`)
      .where(sql`deleted_at is null`),
  ],
);

/**
 * Loss reasons (输单原因) an organization picks from when an opportunity is lost. Seeded once per
 * organization (`code` marks the seeded ones); `requires_competitor` reasons ("lost to a
 * competitor") also need the competitor. Archived reasons keep serving past losses and reports.
 */
export const lossReasons = pgTable(
  'loss_reasons',
  {
    ...tenantKey(),
    code: varchar('code', { length: 32 }),
    name: varchar('name', { length: 32 }).notNull(),
    nameEn: varchar('name_en', { length: 48 }),
    requiresCompetitor: boolean('requires_competitor').notNull().default(false),
    sortOrder: integer('sort_order').notNull(),
    ...editable(),
    ...softDeleted(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    uniqueIndex('loss_reasons_code_key').on(t.orgId, t.code),
    uniqueIndex('loss_reasons_name_key')
      .on(t.orgId, t.name)
      .where(sql`deleted_at is null`),
  ],
);
