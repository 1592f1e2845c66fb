import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import {
  created,
  currency,
  currencyCheck,
  editable,
  externalId,
  externalIdKey,
  fen,
  liveIndex,
  organizationReference,
  softDeleted,
  tenantKey,
  tenantPrimaryKey,
  tenantReference,
  versioned,
  customFieldValues,
} from './columns.js';
import { customers } from './customers.js';
import { opportunities } from './opportunities.js';
import { organizations, users } from './organizations.js';
import { products } from './products.js';
import { warehouses } from './stock.js';

/**
 * Orders (订单). Scope follows the customer (security A3); `owner_id` is the salesperson the order
 * is credited to (the customer's owner when it was entered, also when finance or a clerk enters it).
 * States: draft → (submit) → pending_approval while a price below authority awaits approval →
 * submitted (awaiting finance's confirmation) → confirmed → shipped → completed, or cancelled. Totals are
 * integer 分 of `currency`, maintained from the lines; `paid_fen` from the payments.
 */
export const orders = pgTable(
  'orders',
  {
    ...tenantKey(),
    orderNo: varchar('order_no', { length: 32 }).notNull(),
    customerId: uuid('customer_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    status: varchar('status', { length: 20 }).notNull().default('draft'),
    ...currency(),
    orderDate: date('order_date', { mode: 'string' }).notNull(),
    /** Warehouse the stock is reserved in and issued from. */
    warehouseId: uuid('warehouse_id'),
    totalFen: fen('total_fen').notNull().default(0),
    costFen: fen('cost_fen').notNull().default(0),
    paidFen: fen('paid_fen').notNull().default(0),
    notes: text('notes'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Why the order passed the credit check over the limit, and who let it (domain §5). */
    creditOverrideReason: text('credit_override_reason'),
    creditOverrideBy: uuid('credit_override_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by'),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /**
     * The opportunity this order closes (issue 14 §7); confirming the order wins it when still open.
     * Same customer as the order.
     */
    opportunityId: uuid('opportunity_id'),
    /** First order (首单) under the stage strategy's first-order care, set when it was confirmed. */
    isFirstOrder: boolean('is_first_order').notNull().default(false),
    createdBy: uuid('created_by').notNull(),
    ...externalId(),
    ...customFieldValues(),
    ...editable(),
    ...softDeleted(),
  },
  (t) => [
    externalIdKey('orders', t),
    tenantPrimaryKey(t),
    tenantReference(t, t.customerId, customers),
    tenantReference(t, t.ownerId, users),
    tenantReference(t, t.warehouseId, warehouses),
    tenantReference(t, t.opportunityId, opportunities),
    uniqueIndex('orders_no_key').on(t.orgId, t.orderNo),
    check(
      'orders_status',
      sql`status in ('draft', 'pending_approval', 'submitted', 'confirmed', 'shipped', 'completed', 'cancelled')`,
    ),
    check('orders_amounts_non_negative', sql`total_fen >= 0 and cost_fen >= 0 and paid_fen >= 0`),
    currencyCheck('orders'),
    liveIndex('orders_customer_idx', t.orgId, t.customerId, t.createdAt),
    liveIndex('orders_created_idx', t.orgId, t.createdAt, t.id),
    liveIndex('orders_owner_status_idx', t.orgId, t.ownerId, t.status),
    liveIndex('orders_status_idx', t.orgId, t.status, t.createdAt),
    // An opportunity's orders (its page lists them).
    index('orders_opportunity_idx')
      .on(t.orgId, t.opportunityId)
      .where(sql`opportunity_id is not null`),
    // The 首单 filter of the order list: few rows, newest first.
    index('orders_first_order_idx')
      .on(t.orgId, t.createdAt, t.id)
      .where(sql`is_first_order and deleted_at is null`),
  ],
);

/**
 * Order lines. `line_total_fen` = round(quantity × unit price × (10000 − discount_bp) / 10000);
 * `unit_cost_fen` and the list price are snapshots taken when the line was written, so later
 * product price changes do not rewrite history (profit contribution, price authority).
 */
export const orderLines = pgTable(
  'order_lines',
  {
    ...tenantKey(),
    orderId: uuid('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull(),
    productCode: varchar('product_code', { length: 40 }).notNull(),
    productName: varchar('product_name', { length: 100 }).notNull(),
    unit: varchar('unit', { length: 16 }).notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceFen: fen('unit_price_fen').notNull(),
    discountBp: integer('discount_bp').notNull().default(0),
    lineTotalFen: fen('line_total_fen').notNull(),
    listPriceFen: fen('list_price_fen').notNull(),
    unitCostFen: fen('unit_cost_fen').notNull(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.orderId, orders).onDelete('cascade'),
    tenantReference(t, t.productId, products),
    uniqueIndex('order_lines_no_key').on(t.orgId, t.orderId, t.lineNo),
    index('order_lines_product_idx').on(t.orgId, t.productId),
    check('order_lines_quantity_positive', sql`quantity > 0`),
    check('order_lines_discount', sql`discount_bp between 0 and 10000`),
    check(
      'order_lines_amounts',
      sql`unit_price_fen >= 0 and line_total_fen >= 0 and unit_cost_fen >= 0 and list_price_fen >= 0`,
    ),
  ],
);

/** Credit limit (信用额度) and term of a customer; a customer without a row has no limit. */
export const customerCredit = pgTable(
  'customer_credit',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    limitFen: fen('limit_fen').notNull(),
    termDays: integer('term_days').notNull(),
    ...currency(),
    updatedBy: uuid('updated_by'),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId] }),
    tenantReference(t, t.customerId, customers),
    check('customer_credit_limit', sql`limit_fen >= 0 and term_days between 0 and 3650`),
  ],
);

/**
 * Finance settings per organization (domain §5, §7); an organization without a row uses the
 * defaults in the orders module. Pyramid bounds are percentages of the ranked profitable customers.
 */
export const financeSettings = pgTable(
  'finance_settings',
  {
    orgId: uuid('org_id').primaryKey(),
    /** Over the credit limit on confirmation: 'warn' lets it pass with a warning, 'block' stops it. */
    creditMode: varchar('credit_mode', { length: 8 }).notNull().default('block'),
    defaultTermDays: integer('default_term_days').notNull().default(30),
    pyramidPlatinumPct: integer('pyramid_platinum_pct').notNull().default(5),
    pyramidGoldPct: integer('pyramid_gold_pct').notNull().default(20),
    abcAPct: integer('abc_a_pct').notNull().default(80),
    abcBPct: integer('abc_b_pct').notNull().default(95),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    ...versioned(),
  },
  (t) => [
    organizationReference(t, organizations),
    check('finance_settings_credit_mode', sql`credit_mode in ('warn', 'block')`),
  ],
);

/**
 * Payment plan installments (回款计划): expected amounts per order and due date. Status is kept
 * from the payments applied to the installment and the nightly overdue job (overdue the day after
 * the due date while not fully paid).
 */
export const paymentPlans = pgTable(
  'payment_plans',
  {
    ...tenantKey(),
    orderId: uuid('order_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    installmentNo: integer('installment_no').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    amountFen: fen('amount_fen').notNull(),
    paidFen: fen('paid_fen').notNull().default(0),
    status: varchar('status', { length: 12 }).notNull().default('pending'),
    notes: text('notes'),
    createdBy: uuid('created_by').notNull(),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.orderId, orders).onDelete('cascade'),
    tenantReference(t, t.customerId, customers),
    uniqueIndex('payment_plans_installment_key').on(t.orgId, t.orderId, t.installmentNo),
    index('payment_plans_due_idx').on(t.orgId, t.status, t.dueDate),
    // A customer's installments: overdue amounts on the credit figures and report (bench: 6 ms a customer without it at 70k plans).
    index('payment_plans_customer_idx').on(t.orgId, t.customerId, t.dueDate),
    check('payment_plans_status', sql`status in ('pending', 'partly_paid', 'paid', 'overdue')`),
    check('payment_plans_amounts', sql`amount_fen > 0 and paid_fen >= 0`),
  ],
);

/** Payments received (回款) against an order, optionally against one plan installment. */
export const payments = pgTable(
  'payments',
  {
    ...tenantKey(),
    orderId: uuid('order_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    planId: uuid('plan_id'),
    amountFen: fen('amount_fen').notNull(),
    ...currency(),
    method: varchar('method', { length: 16 }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    reference: varchar('reference', { length: 100 }),
    notes: text('notes'),
    recordedBy: uuid('recorded_by').notNull(),
    ...externalId(),
    ...created(),
    /** A voided payment no longer counts; it stays for the audit trail. */
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: uuid('voided_by'),
    voidReason: text('void_reason'),
  },
  (t) => [
    externalIdKey('payments', t),
    tenantPrimaryKey(t),
    tenantReference(t, t.orderId, orders),
    tenantReference(t, t.customerId, customers),
    tenantReference(t, t.planId, paymentPlans),
    tenantReference(t, t.recordedBy, users),
    index('payments_order_idx').on(t.orgId, t.orderId),
    index('payments_received_idx').on(t.orgId, t.receivedOn, t.id),
    index('payments_customer_idx').on(t.orgId, t.customerId, t.receivedOn),
    check('payments_amount_positive', sql`amount_fen > 0`),
    check(
      'payments_method',
      sql`method in ('bank_transfer', 'cash', 'cheque', 'wechat', 'alipay', 'card', 'acceptance_bill', 'other')`,
    ),
  ],
);
