import { Type, type Static } from 'typebox';
import { DateOnly, Id, Nullable, PageQuery, Timestamp } from './common.js';
import { ORDER_STATUSES } from './orders.js';

/**
 * Every kind of record the audit log (操作日志) names. The server's audit writer accepts only
 * these, so the list filter's allow-list and the web's labels cannot drift from what is written.
 */
export const AUDIT_ENTITIES = [
  'customer',
  'customer_credit',
  'contact',
  'lead',
  'lead_pool',
  'customer_pool',
  'follow_up',
  'follow_up_types',
  'attachment',
  'visit',
  'return_visit',
  'return_visit_settings',
  'task',
  'opportunity',
  'sales_process',
  'competitor',
  'loss_reason',
  'dictionary_entry',
  'custom_field',
  'order',
  'payment',
  'payment_plan',
  'finance_settings',
  'stock_movement',
  'warehouse',
  'product',
  'product_category',
  'price_authority',
  'expense',
  'approval_request',
  'approval_flow',
  'stage_transition_request',
  'lifecycle_stages',
  'lifecycle_rule_settings',
  'lifecycle_approval_rules',
  'customer_relationship',
  'decline_decision',
  'lifecycle_stage_strategies',
  'work_report',
  'work_plan',
  'work_report_settings',
  'saved_view',
  'user',
  'role',
  'department',
  'organization',
  'api_token',
  'job',
  'import_job',
  'export_job',
  'member',
  'member_points',
  'member_level',
  'member_settings',
  'complaint',
  'complaint_category',
  'service_settings',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** An order's move to another state is audited as `status:<new state>`. */
const ORDER_STATUS_ACTIONS = ORDER_STATUSES.map((status) => `status:${status}` as const);

/** Every action the audit log records (the action filter's allow-list). */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'archive',
  'login',
  'logout',
  'password_change',
  'run',
  'convert',
  'claim',
  'assign',
  'transfer',
  'return',
  'reclaim',
  'lock',
  'unlock',
  'stage_change',
  'decision_chain',
  'competitors',
  'won',
  'lost',
  'invalid',
  'complete',
  'submit',
  'review',
  'request',
  'approve',
  'reject',
  'withdraw',
  'cancel',
  'confirm',
  'void',
  'credit_override_requested',
  'template_sync',
  'export',
  'download',
  'import',
  // Member points (issue 15): one action per ledger entry kind, and a level change.
  'points_earn',
  'points_deduct',
  'points_redeem',
  'points_expire',
  'points_adjust',
  'level_change',
  'start',
  'resolve',
  'close',
  'reopen',
  'escalate',
  ...ORDER_STATUS_ACTIONS,
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntry = Type.Object({
  id: Id,
  actorId: Nullable(Id),
  /** The person who acted; null for the system (jobs, rules). */
  actorName: Nullable(Type.String()),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  /** The record's name or number where it has one (customer name, order number …), else null. */
  entityName: Nullable(Type.String()),
  /** Snapshots as written, minus the fields the reader's role hides (security A9). */
  before: Type.Unknown(),
  after: Type.Unknown(),
  at: Timestamp,
  ip: Nullable(Type.String()),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditPage = Type.Object({
  items: Type.Array(AuditEntry),
  nextCursor: Nullable(Type.String()),
  /**
   * Display names of the people, departments, roles, products and warehouses whose ids appear in
   * this page's snapshots (ownerId, departmentId …), so a change reads "张三 → 李四", not two ids.
   */
  names: Type.Record(Type.String(), Type.String()),
});
export type AuditPage = Static<typeof AuditPage>;

export const AuditLogQuery = Type.Object(
  {
    ...PageQuery,
    /** Who acted. */
    actorId: Type.Optional(Id),
    entity: Type.Optional(Type.Enum(AUDIT_ENTITIES)),
    entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' })),
    action: Type.Optional(Type.Enum(AUDIT_ACTIONS)),
    /** First and last day (in the organization's time zone), both included. */
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type AuditLogQuery = Static<typeof AuditLogQuery>;
