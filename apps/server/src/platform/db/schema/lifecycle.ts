import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  jsonb,
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
import { organizationReference, tenantKey, tenantPrimaryKey, tenantReference } from './columns.js';
import { customers } from './customers.js';
import { organizations, users } from './organizations.js';

/** An organization's lifecycle stages (domain §2), seeded with the defaults when the org is created. */
export const lifecycleStages = pgTable(
  'lifecycle_stages',
  {
    orgId: uuid('org_id').notNull(),
    code: varchar('code', { length: 20 }).notNull(),
    nameZh: varchar('name_zh', { length: 32 }).notNull(),
    nameEn: varchar('name_en', { length: 32 }).notNull(),
    sortOrder: integer('sort_order').notNull(),
    expectedDwellDays: integer('expected_dwell_days'),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.code] }), organizationReference(t, organizations)],
);

/** Manual (from, to) moves that need approval; a null `from_stage` means any stage. */
export const lifecycleApprovalRules = pgTable(
  'lifecycle_approval_rules',
  {
    ...tenantKey(),
    fromStage: varchar('from_stage', { length: 20 }),
    toStage: varchar('to_stage', { length: 20 }).notNull(),
  },
  (t) => [tenantPrimaryKey(t), organizationReference(t, organizations)],
);

/**
 * Append-only log of every stage change (design §3); dwell and conversion are computed from it.
 * `owner_key` and `previous_stay_seconds` are filled by a BEFORE INSERT trigger (migration
 * *_stage_move_rollup_triggers.sql), so every writer — the app, imports, bench loaders — gets them:
 * the board then reads a period's rows by index instead of a window over the whole log (bench W9).
 */
export const stageTransitions = pgTable(
  'stage_transitions',
  {
    ...tenantKey(),
    customerId: uuid('customer_id').notNull(),
    fromStage: varchar('from_stage', { length: 20 }),
    toStage: varchar('to_stage', { length: 20 }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    ruleId: varchar('rule_id', { length: 40 }),
    reason: text('reason'),
    approverId: uuid('approver_id'),
    triggeringEvent: varchar('triggering_event', { length: 40 }),
    triggeringEntityId: varchar('triggering_entity_id', { length: 64 }),
    requestId: uuid('request_id'),
    /**
     * The customer's owner when the move happened (all-zero uuid for the pool, as in
     * `customer_stage_counts`). The trigger always overwrites it; the default only satisfies NOT NULL.
     */
    ownerKey: uuid('owner_key')
      .notNull()
      .default(sql`'00000000-0000-0000-0000-000000000000'::uuid`),
    /** Length of the stay in `from_stage` that this move ends; null for the creation row. */
    previousStaySeconds: integer('previous_stay_seconds'),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.customerId, customers),
    tenantReference(t, t.actorId, users),
    tenantReference(t, t.approverId, users),
    index('stage_transitions_customer_idx').on(t.orgId, t.customerId, t.at, t.id),
    index('stage_transitions_at_idx').on(t.orgId, t.at),
    // Board dwell: the stays that ended in a period, read from the index alone (the log is
    // append-only, so its pages stay all-visible); the second serves scoped callers.
    index('stage_transitions_stays_idx')
      .on(t.orgId, t.at, t.fromStage, t.previousStaySeconds)
      .where(sql`previous_stay_seconds is not null`),
    index('stage_transitions_owner_stays_idx')
      .on(t.orgId, t.ownerKey, t.at, t.fromStage, t.previousStaySeconds)
      .where(sql`previous_stay_seconds is not null`),
  ],
);

/** Manual moves waiting for approval; at most one pending request per customer. */
export const stageTransitionRequests = pgTable(
  'stage_transition_requests',
  {
    ...tenantKey(),
    customerId: uuid('customer_id').notNull(),
    fromStage: varchar('from_stage', { length: 20 }).notNull(),
    toStage: varchar('to_stage', { length: 20 }).notNull(),
    reason: text('reason').notNull(),
    status: varchar('status', { length: 12 }).notNull().default('pending'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    approverIds: uuid('approver_ids').array().notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    comment: text('comment'),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.customerId, customers),
    tenantReference(t, t.requestedBy, users),
    uniqueIndex('stage_transition_requests_pending_key')
      .on(t.orgId, t.customerId)
      .where(sql`status = 'pending'`),
    index('stage_transition_requests_status_idx').on(t.orgId, t.status),
  ],
);

/**
 * Orders as the lifecycle rules know them, maintained from `order.confirmed` / `order.cancelled`
 * (there is no orders module yet). One row per order keeps the rules idempotent per order id.
 */
export const lifecycleOrders = pgTable(
  'lifecycle_orders',
  {
    orgId: uuid('org_id').notNull(),
    orderId: uuid('order_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.orderId] }),
    tenantReference(t, t.customerId, customers),
    index('lifecycle_orders_customer_idx').on(t.orgId, t.customerId, t.confirmedAt),
  ],
);

/** The nightly relationship phase of each customer with a computed value. */
export const customerRelationshipPhases = pgTable(
  'customer_relationship_phases',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    phase: varchar('phase', { length: 12 }).notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    /** When the customer entered this phase (the first computation that found it). */
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
    /** The contract's RelationshipReason: code and the numbers behind it. */
    reason: jsonb('reason'),
    /** The customer's own expected repurchase interval, set by hand (overrides category and history). */
    expectedRepurchaseDays: integer('expected_repurchase_days'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId] }),
    tenantReference(t, t.customerId, customers),
    // Declining customers without a decision (the board's count, the decision to-dos).
    index('customer_relationship_phases_phase_idx').on(t.orgId, t.phase, t.since),
  ],
);

/**
 * Decisions on declining customers (seed 003: 恢复策略 win back / 终止策略 let go), one per decline
 * stay at most (`decline_since` = the phase row's `since` when decided). `outcome` becomes
 * `won_back` when a win-back customer leaves decline by buying again.
 */
export const declineDecisions = pgTable(
  'decline_decisions',
  {
    ...tenantKey(),
    customerId: uuid('customer_id').notNull(),
    declineSince: timestamp('decline_since', { withTimezone: true }).notNull(),
    decision: varchar('decision', { length: 12 }).notNull(),
    reason: text('reason').notNull(),
    letGoTo: varchar('let_go_to', { length: 8 }),
    checkOn: date('check_on', { mode: 'string' }),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    outcome: varchar('outcome', { length: 12 }),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.customerId, customers),
    tenantReference(t, t.decidedBy, users),
    uniqueIndex('decline_decisions_stay_key').on(t.orgId, t.customerId, t.declineSince),
    index('decline_decisions_decided_idx').on(t.orgId, t.decidedAt),
  ],
);

/** Organization-wide lifecycle rule values (domain §2 defaults: lost after 365 days, re-alert every 7). */
export const lifecycleRuleSettings = pgTable(
  'lifecycle_rule_settings',
  {
    orgId: uuid('org_id').primaryKey(),
    lostAfterDays: integer('lost_after_days').notNull().default(365),
    stuckRepeatDays: integer('stuck_repeat_days').notNull().default(7),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [organizationReference(t, organizations)],
);
