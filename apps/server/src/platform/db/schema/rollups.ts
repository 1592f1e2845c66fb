import { date, index, integer, pgTable, primaryKey, unique, uuid, varchar } from 'drizzle-orm/pg-core';

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

/**
 * Stage moves per (owner at the time of the move, day, from, to), maintained by statement-level
 * triggers on `stage_transitions` (migration *_stage_move_rollup_triggers.sql) in the same
 * transaction as the move (bench W9: the board's funnel sums at most days × owners × pairs rows).
 * `day` is the local date in the organization's time zone, the zone every date in the UI is shown
 * in; the trigger on `organizations.time_zone` re-buckets an org when its zone changes.
 * `from_stage` is null for the creation row, hence the NULLS NOT DISTINCT key.
 */
export const stageMoveDaily = pgTable(
  'stage_move_daily',
  {
    orgId: uuid('org_id').notNull(),
    ownerKey: uuid('owner_key').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    fromStage: varchar('from_stage', { length: 20 }),
    toStage: varchar('to_stage', { length: 20 }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    unique('stage_move_daily_key').on(t.orgId, t.ownerKey, t.day, t.fromStage, t.toStage).nullsNotDistinct(),
    // The admin's board (scope "all") reads a day range across every owner.
    index('stage_move_daily_day_idx').on(t.orgId, t.day),
  ],
);
