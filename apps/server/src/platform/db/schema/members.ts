import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { created, editable, organizationReference, tenantKey, tenantPrimaryKey, tenantReference } from './columns.js';
import { customers } from './customers.js';
import { orders } from './orders.js';
import { departments, organizations, users } from './organizations.js';

/**
 * Member levels (会员等级) of an organization, by growth points threshold (domain §7: 0 / 500 /
 * 2,000 / 5,000 / 10,000 seeded for every organization). `discount_bp` is the level's discount in
 * basis points (500 = 5 % off) that price checks may read through the members module.
 */
export const memberLevels = pgTable(
  'member_levels',
  {
    ...tenantKey(),
    nameZh: varchar('name_zh', { length: 32 }).notNull(),
    nameEn: varchar('name_en', { length: 32 }).notNull(),
    threshold: bigint('threshold', { mode: 'number' }).notNull(),
    discountBp: integer('discount_bp').notNull().default(0),
    birthdayGift: varchar('birthday_gift', { length: 200 }),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    uniqueIndex('member_levels_threshold_key').on(t.orgId, t.threshold),
    check('member_levels_values', sql`threshold >= 0 and discount_bp between 0 and 10000`),
  ],
);

/** Member program settings of an organization; a missing row reads as the defaults. */
export const memberSettings = pgTable(
  'member_settings',
  {
    orgId: uuid('org_id').notNull(),
    adjustApprovalThreshold: integer('adjust_approval_threshold').notNull().default(1000),
    expiryMonths: integer('expiry_months').notNull().default(24),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId] }),
    organizationReference(t, organizations),
    check('member_settings_values', sql`adjust_approval_threshold >= 0 and expiry_months between 1 and 120`),
  ],
);

/**
 * Members (会员): one per customer. `points_balance` (spendable) and `growth_points` (for the level)
 * are kept on the row, written in the same transaction as each ledger entry, so a balance is read
 * without summing the ledger (issue 15 speed).
 */
export const members = pgTable(
  'members',
  {
    ...tenantKey(),
    customerId: uuid('customer_id').notNull(),
    memberNo: varchar('member_no', { length: 24 }).notNull(),
    cardNo: varchar('card_no', { length: 40 }),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    storeId: uuid('store_id'),
    levelId: uuid('level_id').notNull(),
    growthPoints: bigint('growth_points', { mode: 'number' }).notNull().default(0),
    pointsBalance: bigint('points_balance', { mode: 'number' }).notNull().default(0),
    lastPurchaseAt: timestamp('last_purchase_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.customerId, customers),
    tenantReference(t, t.storeId, departments),
    tenantReference(t, t.levelId, memberLevels),
    tenantReference(t, t.createdBy, users),
    uniqueIndex('members_customer_key').on(t.orgId, t.customerId),
    uniqueIndex('members_member_no_key').on(t.orgId, t.memberNo),
    uniqueIndex('members_card_no_key')
      .on(t.orgId, t.cardNo)
      .where(sql`card_no is not null`),
    index('members_level_idx').on(t.orgId, t.levelId, t.id),
    index('members_store_idx').on(t.orgId, t.storeId, t.id),
    index('members_joined_idx').on(t.orgId, t.joinedOn, t.id),
    index('members_last_purchase_idx').on(t.orgId, t.lastPurchaseAt),
    check('members_points_non_negative', sql`points_balance >= 0 and growth_points >= 0`),
  ],
);

/**
 * The points ledger: append-only (never updated or deleted). `points` is the signed change of the
 * spendable balance, `growth` the signed change of growth points; `balance_after` the balance the
 * entry left. One earn and one deduct per order at most (the partial unique index keeps event
 * handlers idempotent).
 */
export const memberPointsLedger = pgTable(
  'member_points_ledger',
  {
    ...tenantKey(),
    memberId: uuid('member_id').notNull(),
    kind: varchar('kind', { length: 10 }).notNull(),
    points: bigint('points', { mode: 'number' }).notNull(),
    growth: bigint('growth', { mode: 'number' }).notNull().default(0),
    balanceAfter: bigint('balance_after', { mode: 'number' }).notNull(),
    reason: varchar('reason', { length: 200 }),
    orderId: uuid('order_id'),
    createdBy: uuid('created_by'),
    ...created(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.memberId, members),
    tenantReference(t, t.orderId, orders),
    tenantReference(t, t.createdBy, users),
    check('member_points_ledger_kind', sql`kind in ('earn', 'deduct', 'redeem', 'expire', 'adjust')`),
    check('member_points_ledger_balance', sql`balance_after >= 0`),
    index('member_points_ledger_member_idx').on(t.orgId, t.memberId, t.createdAt, t.id),
    uniqueIndex('member_points_ledger_order_key')
      .on(t.orgId, t.orderId, t.kind)
      .where(sql`order_id is not null`),
  ],
);

/** A points adjustment above the approval threshold, waiting for (or decided by) its approval. */
export const memberPointAdjustments = pgTable(
  'member_point_adjustments',
  {
    ...tenantKey(),
    memberId: uuid('member_id').notNull(),
    points: bigint('points', { mode: 'number' }).notNull(),
    reason: varchar('reason', { length: 200 }).notNull(),
    status: varchar('status', { length: 10 }).notNull().default('pending'),
    approvalRequestId: uuid('approval_request_id'),
    requestedBy: uuid('requested_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ...created(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.memberId, members),
    tenantReference(t, t.requestedBy, users),
    check('member_point_adjustments_status', sql`status in ('pending', 'approved', 'rejected', 'withdrawn')`),
    index('member_point_adjustments_member_idx').on(t.orgId, t.memberId, t.createdAt),
  ],
);

/** Level changes of a member (on joining, and by the nightly level job), append-only. */
export const memberLevelHistory = pgTable(
  'member_level_history',
  {
    ...tenantKey(),
    memberId: uuid('member_id').notNull(),
    fromLevelId: uuid('from_level_id'),
    toLevelId: uuid('to_level_id').notNull(),
    growthPoints: bigint('growth_points', { mode: 'number' }).notNull(),
    changedBy: uuid('changed_by'),
    ...created(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.memberId, members),
    tenantReference(t, t.fromLevelId, memberLevels),
    tenantReference(t, t.toLevelId, memberLevels),
    index('member_level_history_member_idx').on(t.orgId, t.memberId, t.createdAt),
  ],
);
