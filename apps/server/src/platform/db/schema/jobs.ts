import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { organizationReference } from './columns.js';
import { organizations } from './organizations.js';

/** Durable jobs (design §6): one row per job name and organization (or one global row). */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    /** Null for a global job, whose one run covers every organization. */
    orgId: uuid('org_id'),
    name: varchar('name', { length: 64 }).notNull(),
    schedule: jsonb('schedule').notNull(),
    timeZone: varchar('time_zone', { length: 64 }).notNull(),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    lastStatus: varchar('last_status', { length: 12 }),
    lastError: text('last_error'),
    lastDurationMs: integer('last_duration_ms'),
    /** A claimed job is leased until then; a crashed runner's lease simply expires. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [
    organizationReference(t, organizations).onDelete('cascade'),
    uniqueIndex('jobs_org_name_key')
      .on(t.orgId, t.name)
      .where(sql`org_id is not null`),
    uniqueIndex('jobs_global_name_key')
      .on(t.name)
      .where(sql`org_id is null`),
    index('jobs_due_idx').on(t.nextRunAt),
  ],
);

/** Run history, newest first per job. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id'),
    name: varchar('name', { length: 64 }).notNull(),
    trigger: varchar('trigger', { length: 12 }).notNull(),
    triggeredBy: uuid('triggered_by'),
    status: varchar('status', { length: 12 }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    summary: jsonb('summary').$type<Record<string, number>>().notNull().default({}),
  },
  (t) => [index('job_runs_job_idx').on(t.jobId, t.startedAt, t.id)],
);
