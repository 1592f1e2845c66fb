import { foreignKey, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';

/** Organization-wide duplicate-check settings (domain §4); no row = the defaults. */
export const duplicateSettings = pgTable(
  'duplicate_settings',
  {
    orgId: uuid('org_id').primaryKey(),
    /** Names at least this similar (percent of shared bigrams) are flagged. */
    nameSimilarityPercent: integer('name_similarity_percent').notNull().default(60),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] })],
);
