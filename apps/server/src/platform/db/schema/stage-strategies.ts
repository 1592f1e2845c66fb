import type { StageDefaultTask } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { organizationReference } from './columns.js';
import { organizations } from './organizations.js';

/**
 * Per-stage strategy beyond price (domain §2, issue 13): the follow-up cadence, the tasks created
 * for the owner on entering the stage, and first-order care (首单) with its return visit (回访).
 * Kept apart from `lifecycle_stages`, which the stage screen replaces as a whole.
 */
export const lifecycleStageStrategies = pgTable(
  'lifecycle_stage_strategies',
  {
    orgId: uuid('org_id').notNull(),
    stage: varchar('stage', { length: 20 }).notNull(),
    followUpEveryDays: integer('follow_up_every_days'),
    defaultTasks: jsonb('default_tasks')
      .$type<StageDefaultTask[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    firstOrderCare: boolean('first_order_care').notNull().default(false),
    returnVisitDays: integer('return_visit_days').notNull().default(7),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.stage] }),
    organizationReference(t, organizations),
    check(
      'lifecycle_stage_strategies_days',
      sql`(follow_up_every_days is null or follow_up_every_days between 1 and 365) and return_visit_days between 0 and 365`,
    ),
  ],
);
