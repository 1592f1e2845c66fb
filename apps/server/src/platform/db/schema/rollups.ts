import { integer, pgTable, primaryKey, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Live customers per (owner, stage), maintained by a trigger on `customers` in the same
 * transaction as every insert, stage or owner change, soft delete and restore (bench W9:
 * board counts from counters, not a group-by over the whole table). Pool customers (no owner)
 * count under the all-zero uuid, which no data scope other than "all" contains (the trigger in
 * migration *_stage_counts_trigger.sql writes it).
 */
export const customerStageCounts = pgTable(
  'customer_stage_counts',
  {
    orgId: uuid('org_id').notNull(),
    ownerKey: uuid('owner_key').notNull(),
    stage: varchar('stage', { length: 20 }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.ownerKey, t.stage] })],
);
