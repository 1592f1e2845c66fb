import { bigint, index, integer, jsonb, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { organizationReference, tenantKey, tenantPrimaryKey } from './columns.js';
import { organizations } from './organizations.js';

/**
 * Large list exports run as jobs (issue 12): an export past the inline limit is queued here and a
 * worker writes the file to `<dataDir>/exports/<org>/<id>.<format>`, recording its progress; only
 * the user who asked may download it, until `expires_at`, after which a job deletes file and row.
 */
export const listExportJobs = pgTable(
  'list_export_jobs',
  {
    ...tenantKey(),
    /** Who asked: the worker exports as this user (their scope and field permissions, as they are then). */
    requestedBy: uuid('requested_by').notNull(),
    /** The export endpoint's operation id (`exportCustomers`): which list the job exports. */
    listKey: varchar('list_key', { length: 80 }).notNull(),
    format: varchar('format', { length: 8 }).notNull(),
    /** The list's filters and sort, as the export request gave them. */
    query: jsonb('query').notNull(),
    /** `queued`, `running`, `completed` or `failed`. */
    status: varchar('status', { length: 12 }).notNull(),
    rowsTotal: bigint('rows_total', { mode: 'number' }).notNull(),
    rowsDone: bigint('rows_done', { mode: 'number' }).notNull().default(0),
    fileName: varchar('file_name', { length: 200 }).notNull(),
    bytes: bigint('bytes', { mode: 'number' }),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    index('list_export_jobs_requester_idx').on(t.orgId, t.requestedBy, t.createdAt),
    index('list_export_jobs_status_idx').on(t.status, t.createdAt),
    index('list_export_jobs_expiry_idx').on(t.expiresAt),
  ],
);
