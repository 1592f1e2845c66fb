import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import {
  currency,
  currencyCheck,
  editable,
  fen,
  liveIndex,
  organizationReference,
  softDeleted,
  softDeletedBy,
  tenantKey,
  tenantPrimaryKey,
  tenantReference,
  customFieldValues,
} from './columns.js';
import { competitors, lossReasons } from './competition.js';
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
    ...editable(),
    ...softDeleted(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.departmentId, departments),
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
    tenantPrimaryKey(t),
    tenantReference(t, t.processId, salesProcesses).onDelete('cascade'),
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
    amountFen: fen('amount_fen').notNull(),
    ...currency(),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    processId: uuid('process_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    status: varchar('status', { length: 10 }).notNull().default('open'),
    closeReason: text('close_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    /** Why it was lost; null for open, won and invalid ones and for losses recorded before reasons existed. */
    lossReasonId: uuid('loss_reason_id'),
    /** The competitor it was lost to, when the loss reason requires one. */
    lostToCompetitorId: uuid('lost_to_competitor_id'),
    createdBy: uuid('created_by'),
    ...customFieldValues(),
    ...editable(),
    ...softDeletedBy(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.customerId, customers),
    tenantReference(t, t.processId, salesProcesses),
    tenantReference(t, t.stageId, salesProcessStages),
    tenantReference(t, t.ownerId, users),
    tenantReference(t, t.lossReasonId, lossReasons),
    tenantReference(t, t.lostToCompetitorId, competitors),
    check('opportunities_amount_fen_non_negative', sql`amount_fen >= 0`),
    currencyCheck('opportunities'),
    check('opportunities_status', sql`status in ('open', 'won', 'lost', 'invalid')`),
    liveIndex('opportunities_customer_idx', t.orgId, t.customerId, t.createdAt),
    liveIndex('opportunities_created_idx', t.orgId, t.createdAt, t.id),
    liveIndex('opportunities_owner_status_idx', t.orgId, t.ownerId, t.status),
    // The board: open cards of one process per stage; also "is this process in use".
    index('opportunities_process_stage_idx').on(t.orgId, t.processId, t.stageId, t.status),
    // The loss report and its click-through: closed opportunities of a period.
    index('opportunities_closed_idx').on(t.orgId, t.status, t.closedAt),
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
    tenantPrimaryKey(t),
    tenantReference(t, t.opportunityId, opportunities),
    tenantReference(t, t.fromStageId, salesProcessStages),
    tenantReference(t, t.toStageId, salesProcessStages),
    tenantReference(t, t.actorId, users),
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
    tenantPrimaryKey(t),
    tenantReference(t, t.opportunityId, opportunities).onDelete('cascade'),
    tenantReference(t, t.contactId, contacts),
    uniqueIndex('opportunity_contacts_key').on(t.orgId, t.opportunityId, t.contactId),
  ],
);

/** Competitors on an opportunity: what they offer, their strengths and weaknesses, their quote. */
export const opportunityCompetitors = pgTable(
  'opportunity_competitors',
  {
    ...tenantKey(),
    opportunityId: uuid('opportunity_id').notNull(),
    competitorId: uuid('competitor_id').notNull(),
    strengths: varchar('strengths', { length: 500 }),
    weaknesses: varchar('weaknesses', { length: 500 }),
    quotedPriceFen: fen('quoted_price_fen'),
    ...currency(),
    /** low / medium / high, or null when not judged. */
    threatLevel: varchar('threat_level', { length: 10 }),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.opportunityId, opportunities).onDelete('cascade'),
    tenantReference(t, t.competitorId, competitors),
    uniqueIndex('opportunity_competitors_key').on(t.orgId, t.opportunityId, t.competitorId),
    index('opportunity_competitors_competitor_idx').on(t.orgId, t.competitorId),
    check('opportunity_competitors_price_non_negative', sql`quoted_price_fen >= 0`),
    currencyCheck('opportunity_competitors'),
    check('opportunity_competitors_threat', sql`threat_level in ('low', 'medium', 'high')`),
  ],
);
