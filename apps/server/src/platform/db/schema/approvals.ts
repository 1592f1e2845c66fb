import { APPROVAL_BUSINESS_TYPES } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
  editable,
  organizationReference,
  tenantKey,
  tenantPrimaryKey,
  tenantReference,
  uuidList,
  versioned,
} from './columns.js';
import { organizations, users } from './organizations.js';

/**
 * One step of an approval flow, stored as JSON on the flow and copied into each request when it is
 * submitted (so a later flow change does not touch requests in progress).
 * - `manager`: the submitter's direct manager, or `levels` up the manager chain;
 * - `role`: every active user holding `roleId`; `users`: the named `userIds`.
 * `mode` "any" = one approval passes the step; "all" = every resolved approver must approve.
 */
export interface ApprovalStepDefinition {
  name: string;
  approverKind: 'manager' | 'role' | 'users';
  levels?: number;
  roleId?: string;
  userIds?: string[];
  mode: 'any' | 'all';
  /** In a request's copy only: the approvers resolved when the step became current. */
  resolvedApproverIds?: string[];
  /** In a request's copy only: nobody could be asked, so the step passed automatically. */
  autoPassed?: boolean;
}

/**
 * Approval flows (审批流) per business type: stage transitions, prices below authority, credit
 * overrides, expenses, contracts. One flow per type and organization; a disabled flow means
 * requests of that type pass without approval where the business rule allows it.
 */
export const approvalFlows = pgTable(
  'approval_flows',
  {
    ...tenantKey(),
    businessType: varchar('business_type', { length: 32 }).notNull(),
    name: varchar('name', { length: 64 }).notNull(),
    enabled: boolean('enabled').notNull().default(true),
    steps: jsonb('steps').$type<ApprovalStepDefinition[]>().notNull(),
    updatedBy: uuid('updated_by'),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    uniqueIndex('approval_flows_type_key').on(t.orgId, t.businessType),
    check(
      'approval_flows_business_type',
      // From the contract's one list: a new business type changes this CHECK (and `db:generate` writes the migration).
      // DDL takes no parameters; the values are the contract's own constants, never input.
      // eslint-disable-next-line no-restricted-syntax
      sql`business_type in (${sql.raw(APPROVAL_BUSINESS_TYPES.map((type) => `'${type}'`).join(', '))})`,
    ),
  ],
);

/**
 * An approval request: what is asked (`business_type`, the entity and a display `summary`), the
 * steps copied from the flow at submission, and where it stands. `customer_id` (when the request
 * concerns a customer) lets the requester's colleagues find it through the customer's scope.
 */
export const approvalRequests = pgTable(
  'approval_requests',
  {
    ...tenantKey(),
    flowId: uuid('flow_id'),
    businessType: varchar('business_type', { length: 32 }).notNull(),
    entityType: varchar('entity_type', { length: 32 }).notNull(),
    entityId: uuid('entity_id').notNull(),
    customerId: uuid('customer_id'),
    title: varchar('title', { length: 200 }).notNull(),
    /** Why the submitter asks (required by most business types). */
    reason: text('reason'),
    /** Display facts for the approver (amounts in 分, stage names …); never applied blindly. */
    summary: jsonb('summary')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    steps: jsonb('steps').$type<ApprovalStepDefinition[]>().notNull(),
    /** 0-based index of the step waiting for decisions; equals the step count once approved. */
    currentStep: integer('current_step').notNull().default(0),
    /** Approvers resolved for the current step (users), for the to-do and the visibility check. */
    currentApproverIds: uuidList('current_approver_ids'),
    status: varchar('status', { length: 12 }).notNull().default('pending'),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ...versioned(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.submittedBy, users),
    check('approval_requests_status', sql`status in ('pending', 'approved', 'rejected', 'withdrawn')`),
    // At most one request in progress per entity and business type.
    uniqueIndex('approval_requests_pending_key')
      .on(t.orgId, t.entityType, t.entityId, t.businessType)
      .where(sql`status = 'pending'`),
    index('approval_requests_submitter_idx').on(t.orgId, t.submittedBy, t.submittedAt),
    index('approval_requests_entity_idx').on(t.orgId, t.entityType, t.entityId),
    index('approval_requests_approvers_idx')
      .using('gin', t.currentApproverIds)
      .where(sql`status = 'pending'`),
  ],
);

/** Every decision on a request, append-only: who, which step, approve or reject, comment, when. */
export const approvalDecisions = pgTable(
  'approval_decisions',
  {
    ...tenantKey(),
    requestId: uuid('request_id').notNull(),
    stepIndex: integer('step_index').notNull(),
    approverId: uuid('approver_id').notNull(),
    decision: varchar('decision', { length: 10 }).notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.requestId, approvalRequests),
    tenantReference(t, t.approverId, users),
    check('approval_decisions_decision', sql`decision in ('approved', 'rejected')`),
    uniqueIndex('approval_decisions_once_key').on(t.orgId, t.requestId, t.stepIndex, t.approverId),
  ],
);
