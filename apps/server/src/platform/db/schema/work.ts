import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  editable,
  liveIndex,
  organizationReference,
  softDeletedBy,
  tenantKey,
  tenantPrimaryKey,
  tenantReference,
  uuidList,
} from './columns.js';
import { customers } from './customers.js';
import { organizations, users } from './organizations.js';

/** A report or plan of one author for a day or a week, draft until submitted. */
const authoredPeriod = () => ({
  authorId: uuid('author_id').notNull(),
  kind: varchar('kind', { length: 10 }).notNull(),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  status: varchar('status', { length: 12 }).notNull().default('draft'),
});

/**
 * Tasks (任务) with a due time, an assignee and an optional related record (customer, lead or
 * opportunity: no foreign key, the related id is scope-checked by the tasks module). The reminder
 * job notifies the assignee once `remind_at` has passed and stamps `reminded_at`.
 */
export const tasks = pgTable(
  'tasks',
  {
    ...tenantKey(),
    title: varchar('title', { length: 200 }).notNull(),
    description: text('description'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    remindAt: timestamp('remind_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    assigneeId: uuid('assignee_id').notNull(),
    relatedType: varchar('related_type', { length: 20 }),
    relatedId: uuid('related_id'),
    status: varchar('status', { length: 12 }).notNull().default('open'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by'),
    createdBy: uuid('created_by').notNull(),
    ...editable(),
    ...softDeletedBy(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.assigneeId, users),
    tenantReference(t, t.createdBy, users),
    check('tasks_related_pair', sql`(related_type is null) = (related_id is null)`),
    // "My tasks due today / overdue" and the scoped task list.
    liveIndex('tasks_assignee_due_idx', t.orgId, t.assigneeId, t.status, t.dueAt),
    liveIndex('tasks_creator_idx', t.orgId, t.createdBy, t.id),
    index('tasks_related_idx')
      .on(t.orgId, t.relatedType, t.relatedId)
      .where(sql`deleted_at is null and related_id is not null`),
    // The reminder job reads only the reminders still to send.
    index('tasks_remind_idx')
      .on(t.remindAt)
      .where(sql`reminded_at is null and status = 'open' and deleted_at is null and remind_at is not null`),
  ],
);

/**
 * Work reports (工作日报/周报/月报): one per author, kind and period. `counts` are taken at submit
 * time and kept, so a report shows what was true when it was written; `due_at` and `is_late` come
 * from the organization's due rules at submit time.
 */
export const workReports = pgTable(
  'work_reports',
  {
    ...tenantKey(),
    ...authoredPeriod(),
    work: text('work').notNull().default(''),
    plan: text('plan').notNull().default(''),
    problems: text('problems').notNull().default(''),
    recipientIds: uuidList('recipient_ids'),
    counts: jsonb('counts').$type<Record<string, number>>(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    isLate: boolean('is_late').notNull().default(false),
    reviewerId: uuid('reviewer_id'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    score: smallint('score'),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.authorId, users),
    tenantReference(t, t.reviewerId, users),
    check('work_reports_score_range', sql`score is null or score between 1 and 5`),
    uniqueIndex('work_reports_period_key').on(t.orgId, t.authorId, t.kind, t.periodStart),
    // Statistics and the review queue: an org's reports of one kind over a range of periods.
    index('work_reports_period_idx').on(t.orgId, t.kind, t.periodStart),
    index('work_reports_recipients_idx').using('gin', t.recipientIds),
  ],
);

/**
 * Due rules and who must write reports, per organization; an organization without a row uses
 * the defaults in modules/work-reports/report-settings.ts (domain §6).
 */
export const workReportSettings = pgTable(
  'work_report_settings',
  {
    orgId: uuid('org_id').primaryKey(),
    dailyDueTime: varchar('daily_due_time', { length: 5 }).notNull(),
    weeklyDueTime: varchar('weekly_due_time', { length: 5 }).notNull(),
    monthlyDueDay: integer('monthly_due_day').notNull(),
    monthlyDueTime: varchar('monthly_due_time', { length: 5 }).notNull(),
    /** ISO weekdays (1 = Monday … 7 = Sunday) that need a daily report. */
    workdays: integer('workdays').array().notNull(),
    requiredRoleCodes: text('required_role_codes').array().notNull(),
    requiredDepartmentIds: uuid('required_department_ids').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [organizationReference(t, organizations)],
);

/** Work plans (工作计划): planned visits and calls of one author for a day or a week. */
export const workPlans = pgTable(
  'work_plans',
  {
    ...tenantKey(),
    ...authoredPeriod(),
    note: text('note').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewerId: uuid('reviewer_id'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewDecision: varchar('review_decision', { length: 10 }),
    reviewComment: text('review_comment'),
    /** The reviewer's assessment 1–5 (seed 004: managers review and assess plans), given on approval. */
    score: integer('score'),
    ...editable(),
  },
  (t) => [
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.authorId, users),
    tenantReference(t, t.reviewerId, users),
    check('work_plans_score_range', sql`score is null or score between 1 and 5`),
    uniqueIndex('work_plans_period_key').on(t.orgId, t.authorId, t.kind, t.periodStart),
    index('work_plans_status_idx').on(t.orgId, t.status, t.periodStart),
  ],
);

/** One planned visit or call of a plan. */
export const workPlanItems = pgTable(
  'work_plan_items',
  {
    ...tenantKey(),
    planId: uuid('plan_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    kind: varchar('kind', { length: 10 }).notNull(),
    purpose: varchar('purpose', { length: 500 }).notNull().default(''),
    plannedAt: timestamp('planned_at', { withTimezone: true }),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.planId, workPlans).onDelete('cascade'),
    tenantReference(t, t.customerId, customers),
    index('work_plan_items_plan_idx').on(t.orgId, t.planId, t.sortOrder),
  ],
);
