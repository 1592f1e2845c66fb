import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  currency,
  editable,
  fen,
  liveIndex,
  softDeleted,
  tenantKey,
  tenantPrimaryKey,
  tenantReference,
} from './columns.js';
import { customers } from './customers.js';
import { users } from './organizations.js';

/**
 * Employee expenses (费用报销): draft → pending (submitted for approval) → approved / rejected, or
 * withdrawn back to draft. Expenses with a customer are in that customer's scope; the rest are the
 * employee's own. Approved expenses with a customer count against its profit contribution.
 */
export const expenses = pgTable(
  'expenses',
  {
    ...tenantKey(),
    employeeId: uuid('employee_id').notNull(),
    category: varchar('category', { length: 12 }).notNull(),
    amountFen: fen('amount_fen').notNull(),
    ...currency(),
    spentOn: date('spent_on', { mode: 'string' }).notNull(),
    customerId: uuid('customer_id'),
    description: text('description').notNull(),
    status: varchar('status', { length: 10 }).notNull().default('draft'),
    approvalRequestId: uuid('approval_request_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ...editable(),
    ...softDeleted(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.employeeId, users),
    tenantReference(t, t.customerId, customers),
    check('expenses_category', sql`category in ('travel', 'meals', 'gifts', 'samples', 'other')`),
    check('expenses_status', sql`status in ('draft', 'pending', 'approved', 'rejected')`),
    check('expenses_amount_positive', sql`amount_fen > 0`),
    liveIndex('expenses_employee_idx', t.orgId, t.employeeId, t.spentOn),
    liveIndex('expenses_customer_idx', t.orgId, t.customerId, t.spentOn),
    liveIndex('expenses_spent_idx', t.orgId, t.spentOn, t.id),
  ],
);

/**
 * Customer value (domain §7), recomputed nightly for the trailing 12 months: revenue, cost and
 * allocated expenses of confirmed orders, profit contribution, its rank, the pyramid tier
 * (platinum / gold / iron / lead) and the ABC class by revenue share.
 */
export const customerValues = pgTable(
  'customer_values',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    revenueFen: fen('revenue_fen').notNull(),
    costFen: fen('cost_fen').notNull(),
    expensesFen: fen('expenses_fen').notNull(),
    profitFen: fen('profit_fen').notNull(),
    profitRank: integer('profit_rank').notNull(),
    pyramidTier: varchar('pyramid_tier', { length: 10 }).notNull(),
    /** The tier of the previous period's computation; null when the customer was not ranked then. */
    previousTier: varchar('previous_tier', { length: 10 }),
    abcClass: varchar('abc_class', { length: 1 }).notNull(),
    // RFM (domain §7) among the customers with counted orders in the period; all null for a
    // customer ranked by expenses alone. Scores 1–5 (quintiles by position, ties share a score).
    ordersCount: integer('orders_count').notNull().default(0),
    lastOrderAt: timestamp('last_order_at', { withTimezone: true }),
    rfmRecencyDays: integer('rfm_recency_days'),
    rfmR: smallint('rfm_r'),
    rfmF: smallint('rfm_f'),
    rfmM: smallint('rfm_m'),
    rfmSegment: varchar('rfm_segment', { length: 20 }),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId] }),
    tenantReference(t, t.customerId, customers).onDelete('cascade'),
    check('customer_values_tier', sql`pyramid_tier in ('platinum', 'gold', 'iron', 'lead')`),
    check('customer_values_abc', sql`abc_class in ('A', 'B', 'C')`),
    index('customer_values_rank_idx').on(t.orgId, t.profitRank),
    check('customer_values_rfm_scores', sql`rfm_r between 1 and 5 and rfm_f between 1 and 5 and rfm_m between 1 and 5`),
  ],
);
