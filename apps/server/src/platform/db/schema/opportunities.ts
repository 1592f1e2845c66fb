import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { tenantKey, timestamps, versioned } from './columns.js';
import { contacts } from './contacts.js';
import { customers } from './customers.js';
import { departments, organizations, users } from './organizations.js';

/**
 * Sales processes (销售流程): an ordered stage list per department; `department_id` null is the
 * organization's default. Archived (`deleted_at`) processes keep serving the opportunities that
 * use them but are not chosen for new ones.
 */
export const salesProcesses = pgTable(
  'sales_processes',
  {
    ...tenantKey(),
    name: varchar('name', { length: 64 }).notNull(),
    departmentId: uuid('department_id'),
    ...timestamps(),
    ...versioned(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
    foreignKey({ columns: [t.orgId, t.departmentId], foreignColumns: [departments.orgId, departments.id] }),
    // One live process per department and one live default (null department) per organization.
    uniqueIndex('sales_processes_department_key')
      .on(t.orgId, sql`coalesce(${t.departmentId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`deleted_at is null`),
  ],
);

/** The stages of a process with their win probability; won/lost/invalid are statuses, not stages. */
export const salesProcessStages = pgTable(
  'sales_process_stages',
  {
    ...tenantKey(),
    processId: uuid('process_id').notNull(),
    name: varchar('name', { length: 32 }).notNull(),
    /** English name; the UI falls back to `name`. */
    nameEn: varchar('name_en', { length: 32 }),
    probability: integer('probability').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.processId], foreignColumns: [salesProcesses.orgId, salesProcesses.id] }).onDelete(
      'cascade',
    ),
    index('sales_process_stages_process_idx').on(t.orgId, t.processId, t.sortOrder),
    check('sales_process_stages_probability', sql`probability between 0 and 100`),
  ],
);

/**
 * Opportunities (商机). Scope follows the customer (security A3). Money as integer minor units
 * (分 for CNY) with an ISO 4217 currency code, never floats or decimals (design §3); `mode: 'number'`
 * is exact because the API caps amounts far below 2^53. Products come with the orders module (issue 5).
 */
export const opportunities = pgTable(
  'opportunities',
  {
    ...tenantKey(),
    customerId: uuid('customer_id').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    currency: varchar('currency', { length: 3 }).notNull().default('CNY'),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    processId: uuid('process_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    status: varchar('status', { length: 10 }).notNull().default('open'),
    closeReason: text('close_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    createdBy: uuid('created_by'),
    ...timestamps(),
    ...versioned(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.processId], foreignColumns: [salesProcesses.orgId, salesProcesses.id] }),
    foreignKey({ columns: [t.orgId, t.stageId], foreignColumns: [salesProcessStages.orgId, salesProcessStages.id] }),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    check('opportunities_amount_fen_non_negative', sql`amount_fen >= 0`),
    check('opportunities_currency', sql`currency ~ '^[A-Z]{3}$'`),
    check('opportunities_status', sql`status in ('open', 'won', 'lost', 'invalid')`),
    index('opportunities_customer_idx')
      .on(t.orgId, t.customerId, t.createdAt)
      .where(sql`deleted_at is null`),
    index('opportunities_created_idx')
      .on(t.orgId, t.createdAt, t.id)
      .where(sql`deleted_at is null`),
    index('opportunities_owner_status_idx')
      .on(t.orgId, t.ownerId, t.status)
      .where(sql`deleted_at is null`),
    // The board: open cards of one process per stage; also "is this process in use".
    index('opportunities_process_stage_idx').on(t.orgId, t.processId, t.stageId, t.status),
  ],
);

/** Append-only log of stage moves and closes of an opportunity (from, to, at, actor). */
export const opportunityStageChanges = pgTable(
  'opportunity_stage_changes',
  {
    ...tenantKey(),
    opportunityId: uuid('opportunity_id').notNull(),
    /** Null for the row written when the opportunity is opened. */
    fromStageId: uuid('from_stage_id'),
    toStageId: uuid('to_stage_id').notNull(),
    fromStatus: varchar('from_status', { length: 10 }),
    toStatus: varchar('to_status', { length: 10 }).notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.opportunityId], foreignColumns: [opportunities.orgId, opportunities.id] }),
    foreignKey({
      columns: [t.orgId, t.fromStageId],
      foreignColumns: [salesProcessStages.orgId, salesProcessStages.id],
    }),
    foreignKey({ columns: [t.orgId, t.toStageId], foreignColumns: [salesProcessStages.orgId, salesProcessStages.id] }),
    foreignKey({ columns: [t.orgId, t.actorId], foreignColumns: [users.orgId, users.id] }),
    index('opportunity_stage_changes_opportunity_idx').on(t.orgId, t.opportunityId, t.at),
  ],
);

/** The decision chain (决策链): contacts of the opportunity's customer with role and attitude. */
export const opportunityContacts = pgTable(
  'opportunity_contacts',
  {
    ...tenantKey(),
    opportunityId: uuid('opportunity_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    role: varchar('role', { length: 20 }).notNull(),
    attitude: varchar('attitude', { length: 10 }).notNull(),
    remarks: varchar('remarks', { length: 200 }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }),
    uniqueIndex('opportunity_contacts_key').on(t.orgId, t.opportunityId, t.contactId),
  ],
);
