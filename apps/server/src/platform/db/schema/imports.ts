import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  organizationReference,
  tenantKey,
  tenantPrimaryKey,
  tenantReference,
  textList,
  timestamps,
} from './columns.js';
import { organizations, users } from './organizations.js';

/**
 * One uploaded file on its way through the import wizard (issue 12). The worker claims a job in
 * `checking` or `queued`/`running` with `FOR UPDATE SKIP LOCKED` and a lease (`locked_until`);
 * `rows_done` is written in the same transaction as each batch, so a restart resumes at the next batch.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    ...tenantKey(),
    kind: varchar('kind', { length: 20 }).notNull(),
    status: varchar('status', { length: 12 }).notNull(),
    fileName: varchar('file_name', { length: 255 }).notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    /** The staged file, relative to the data directory. */
    filePath: text('file_path').notNull(),
    /** How the file is read: format, encoding, delimiter, header row, sheet (contract ImportSource). */
    source: jsonb('source').notNull(),
    sheets: textList('sheets'),
    /** Headers and sample values (contract ImportColumn[]). */
    columns: jsonb('columns').notNull().default([]),
    rowCount: integer('row_count').notNull().default(0),
    /** The saved mapping (contract ImportMapping); null until the user saves one. */
    mapping: jsonb('mapping'),
    /** The phase the worker is in or last ran: check or run. */
    phase: varchar('phase', { length: 8 }),
    /** Data rows of the current phase already committed (the resume point). */
    rowsDone: integer('rows_done').notNull().default(0),
    checkSummary: jsonb('check_summary'),
    runSummary: jsonb('run_summary'),
    /** Per-kind state carried between batches (e.g. keys created earlier in the file). */
    state: jsonb('state').notNull().default({}),
    failureCode: varchar('failure_code', { length: 64 }),
    failureDetail: text('failure_detail'),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    createdBy: uuid('created_by').notNull(),
    phaseStartedAt: timestamp('phase_started_at', { withTimezone: true }),
    /** Rows done when the phase (re)started in this process: the rate counts only rows since then. */
    phaseStartRows: integer('phase_start_rows').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.createdBy, users),
    index('import_jobs_list_idx').on(t.orgId, t.createdAt, t.id),
    index('import_jobs_pending_idx')
      .on(t.lockedUntil)
      .where(sql`status in ('checking', 'queued', 'running')`),
  ],
);

/** A rejected row of a check or a run: the reason as a message key and its parameters, the row's cells. */
export const importJobErrors = pgTable(
  'import_job_errors',
  {
    ...tenantKey(),
    importId: uuid('import_id').notNull(),
    phase: varchar('phase', { length: 8 }).notNull(),
    rowNumber: integer('row_number').notNull(),
    field: varchar('field', { length: 64 }),
    code: varchar('code', { length: 64 }).notNull(),
    params: jsonb('params').notNull().default({}),
    values: textList('values'),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.importId, importJobs).onDelete('cascade'),
    index('import_job_errors_row_idx').on(t.orgId, t.importId, t.phase, t.rowNumber, t.id),
  ],
);

/** A saved mapping for a kind, applied to later files by header. */
export const importTemplates = pgTable(
  'import_templates',
  {
    ...tenantKey(),
    kind: varchar('kind', { length: 20 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    headers: textList('headers'),
    mapping: jsonb('mapping').notNull(),
    createdBy: uuid('created_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    uniqueIndex('import_templates_name_key').on(t.orgId, t.kind, t.name),
  ],
);
