import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { editable, organizationReference, tenantKey, tenantPrimaryKey, tenantReference, versioned } from './columns.js';
import { customers } from './customers.js';
import { orders } from './orders.js';
import { organizations, users } from './organizations.js';

/**
 * Return visits (回访, issue 15). A visit follows its customer's scope. `complaint_id` names the
 * closed complaint that scheduled it; `handler_id` null means the service queue.
 */
export const returnVisits = pgTable(
  'return_visits',
  {
    ...tenantKey(),
    customerId: uuid('customer_id').notNull(),
    orderId: uuid('order_id'),
    complaintId: uuid('complaint_id'),
    source: varchar('source', { length: 20 }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    handlerId: uuid('handler_id'),
    status: varchar('status', { length: 12 }).notNull().default('open'),
    outcome: varchar('outcome', { length: 12 }),
    satisfaction: smallint('satisfaction'),
    notes: text('notes'),
    cancelReason: varchar('cancel_reason', { length: 500 }),
    /** The complaint a low score was turned into (one per visit). */
    raisedComplaintId: uuid('raised_complaint_id'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    createdBy: uuid('created_by'),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.customerId, customers),
    tenantReference(t, t.orderId, orders),
    tenantReference(t, t.handlerId, users),
    tenantReference(t, t.doneBy, users),
    check('return_visits_status', sql`status in ('open', 'done', 'cancelled')`),
    check('return_visits_source', sql`source in ('order_completed', 'complaint_closed', 'manual')`),
    check('return_visits_outcome', sql`outcome is null or outcome in ('reached', 'unreachable', 'declined')`),
    check('return_visits_satisfaction', sql`satisfaction is null or satisfaction between 1 and 5`),
    // One automatic visit per completed order, and per closed complaint (a reopened one closes again).
    uniqueIndex('return_visits_order_uq')
      .on(t.orgId, t.orderId)
      .where(sql`source = 'order_completed'`),
    // The queue: open visits by due date.
    index('return_visits_due_idx').on(t.orgId, t.status, t.dueDate, t.id),
    index('return_visits_customer_idx').on(t.orgId, t.customerId, t.dueDate),
  ],
);

/** One row per organization that changed the defaults (RETURN_VISIT_DEFAULTS). */
export const returnVisitSettings = pgTable(
  'return_visit_settings',
  {
    orgId: uuid('org_id').primaryKey(),
    afterOrderDays: integer('after_order_days').notNull().default(7),
    afterComplaintDays: integer('after_complaint_days').notNull().default(3),
    lowScore: integer('low_score').notNull().default(2),
    defaultHandlerId: uuid('default_handler_id'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    ...versioned(),
  },
  (t) => [organizationReference(t, organizations), tenantReference(t, t.defaultHandlerId, users)],
);
