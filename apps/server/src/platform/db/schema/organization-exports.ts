import { bigint, integer, pgTable, timestamp, uuid, varchar, index } from 'drizzle-orm/pg-core';
import { organizationReference, tenantKey, tenantPrimaryKey } from './columns.js';
import { organizations } from './organizations.js';

/**
 * Exports of all of an organization's data started from the admin screen (issue 12). The file is
 * under `<dataDir>/exports/<org>/<id>.zip`; progress while running is kept in the server's memory,
 * the row records the start and the outcome.
 */
export const organizationExports = pgTable(
  'organization_exports',
  {
    ...tenantKey(),
    /** `running`, `succeeded` or `failed`. */
    state: varchar('state', { length: 12 }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Who started it; kept as a plain id so the record outlives the user. */
    requestedBy: uuid('requested_by'),
    tablesTotal: integer('tables_total').notNull().default(0),
    rows: bigint('rows', { mode: 'number' }).notNull().default(0),
    bytes: bigint('bytes', { mode: 'number' }),
    fileName: varchar('file_name', { length: 200 }).notNull(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    index('organization_exports_started_idx').on(t.orgId, t.startedAt),
  ],
);
