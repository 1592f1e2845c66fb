import type { AssignmentRule, SlaPolicy, WorkingCalendarSettings } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { created, editable, organizationReference, tenantKey, tenantPrimaryKey, tenantReference } from './columns.js';
import { customers } from './customers.js';
import { organizations, users } from './organizations.js';

/**
 * The organization's service settings (issue 15): working calendar (工作日历), SLA targets per
 * severity and the ordered assignment rules. One row per organization; a missing row reads as the
 * defaults of the contract.
 */
export const serviceSettings = pgTable(
  'service_settings',
  {
    orgId: uuid('org_id').primaryKey(),
    calendar: jsonb('calendar').$type<WorkingCalendarSettings>().notNull(),
    sla: jsonb('sla').$type<SlaPolicy>().notNull(),
    assignmentRules: jsonb('assignment_rules')
      .$type<AssignmentRule[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    ...editable(),
  },
  (t) => [organizationReference(t, organizations)],
);

/** Complaint categories (投诉分类), a tree by `parent_id`; never deleted (tickets keep their label). */
export const complaintCategories = pgTable(
  'complaint_categories',
  {
    ...tenantKey(),
    parentId: uuid('parent_id'),
    nameZh: varchar('name_zh', { length: 40 }).notNull(),
    nameEn: varchar('name_en', { length: 40 }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...editable(),
  },
  (t) => [tenantPrimaryKey(t), organizationReference(t, organizations), tenantReference(t, t.parentId, t)],
);

/**
 * Complaints / service tickets (投诉/工单). Deadlines are stored as instants computed in business
 * time when the clock starts; `sla_check_at` is the next instant the SLA job must look at the
 * ticket (a warning or a breach), null when nothing is pending, so the job reads only those.
 */
export const complaints = pgTable(
  'complaints',
  {
    ...tenantKey(),
    subject: varchar('subject', { length: 200 }).notNull(),
    customerId: uuid('customer_id').notNull(),
    contactId: uuid('contact_id'),
    productId: uuid('product_id'),
    orderId: uuid('order_id'),
    categoryId: uuid('category_id'),
    severity: varchar('severity', { length: 10 }).notNull(),
    channel: varchar('channel', { length: 12 }).notNull(),
    source: varchar('source', { length: 32 }).notNull().default('manual'),
    description: text('description').notNull(),
    state: varchar('state', { length: 12 }).notNull(),
    handlerId: uuid('handler_id'),
    createdBy: uuid('created_by').notNull(),
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }).notNull(),
    firstResponseWarnAt: timestamp('first_response_warn_at', { withTimezone: true }).notNull(),
    firstRespondedAt: timestamp('first_responded_at', { withTimezone: true }),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }).notNull(),
    resolutionWarnAt: timestamp('resolution_warn_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    rootCause: text('root_cause'),
    solution: text('solution'),
    isRepeat: boolean('is_repeat').notNull().default(false),
    reopenCount: integer('reopen_count').notNull().default(0),
    firstResponseWarned: boolean('first_response_warned').notNull().default(false),
    firstResponseBreached: boolean('first_response_breached').notNull().default(false),
    resolutionWarned: boolean('resolution_warned').notNull().default(false),
    resolutionBreached: boolean('resolution_breached').notNull().default(false),
    slaCheckAt: timestamp('sla_check_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.customerId, customers),
    tenantReference(t, t.handlerId, users),
    tenantReference(t, t.createdBy, users),
    tenantReference(t, t.categoryId, complaintCategories),
    check('complaints_state', sql`state in ('new', 'assigned', 'in_progress', 'resolved', 'closed')`),
    check('complaints_severity', sql`severity in ('low', 'normal', 'high', 'urgent')`),
    // The queue: soonest resolution deadline first (keyset on due, id).
    index('complaints_queue_idx').on(t.orgId, t.resolutionDueAt, t.id),
    index('complaints_handler_idx').on(t.orgId, t.handlerId, t.resolutionDueAt, t.id),
    // A customer's tickets (customer page, repeat-complaint check).
    index('complaints_customer_idx').on(t.orgId, t.customerId, t.createdAt),
    // The SLA job reads only tickets with a pending warning or breach.
    index('complaints_sla_check_idx')
      .on(t.slaCheckAt)
      .where(sql`sla_check_at is not null`),
  ],
);

/** Replies to the customer and internal notes on a complaint, append-only. */
export const complaintComments = pgTable(
  'complaint_comments',
  {
    ...tenantKey(),
    complaintId: uuid('complaint_id').notNull(),
    kind: varchar('kind', { length: 8 }).notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id').notNull(),
    ...created(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.complaintId, complaints),
    tenantReference(t, t.authorId, users),
    check('complaint_comments_kind', sql`kind in ('reply', 'note')`),
    index('complaint_comments_complaint_idx').on(t.orgId, t.complaintId, t.createdAt),
  ],
);
