import type { AuditEntity, Permission } from '@guanxi/contract';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/auth/actor.js';
import {
  approvalRequests,
  attachments,
  auditLog,
  complaints,
  contacts,
  customers,
  expenses,
  followUps,
  leads,
  opportunities,
  orders,
  payments,
  stageTransitionRequests,
  stockMovements,
  tasks,
  visits,
  workPlans,
  workReports,
} from '../../platform/db/schema/index.js';
import { customerReadScope, ownedRecordScope, visibleOwnerIds } from '../../platform/scope/data-scope.js';
import { complaintReach } from '../complaints/index.js';
import { readableLeadScope } from '../leads/index.js';
import { taskReach } from '../tasks/index.js';
import { personInScope } from '../team-activity/index.js';
import { readablePlans } from '../work-plans/index.js';
import { readableReports } from '../work-reports/index.js';

export type AuditReader = Pick<Actor, 'orgId' | 'userId' | 'departmentId' | 'dataScope' | 'permissions'>;

/**
 * Who may read one kind of record's history: the module permission that reads the record itself,
 * and whether the record (an id expression of type uuid) is within the reader's reach — built from
 * the same scope predicates the owning module reads it with. `reach` answers null for "no limit".
 */
interface EntityRule {
  /** Null: the rule checks permissions itself (attachments belong to records of two modules). */
  permission: Permission | null;
  reach(reader: AuditReader, id: SQL): SQL | null;
}

type Keyed = PgTable & { orgId: AnyPgColumn; id: AnyPgColumn };

/** The record exists in the audit row's organization and satisfies `condition`. */
const exists = (table: Keyed, id: SQL, condition: SQL, join: SQL = sql``): SQL =>
  sql`exists (select 1 from ${table} ${join} where ${table.orgId} = ${auditLog.orgId} and ${table.id} = ${id} and ${condition})`;

/** A child record whose customer satisfies `scope` (orders, contacts, payments …). */
const underCustomer = (table: Keyed, customerId: AnyPgColumn, id: SQL, scope: SQL): SQL =>
  exists(
    table,
    id,
    scope,
    sql`join ${customers} on ${customers.orgId} = ${table.orgId} and ${customers.id} = ${customerId}`,
  );

const unlimited = (reader: AuditReader) => reader.dataScope === 'all';

/** Customer-bound records read through the customer read scope (owner scope + team members). */
const readableUnderCustomer =
  (table: Keyed, customerId: AnyPgColumn) =>
  (reader: AuditReader, id: SQL): SQL | null =>
    unlimited(reader) ? null : underCustomer(table, customerId, id, customerReadScope(reader, customers));

const customerReach = (reader: AuditReader, id: SQL): SQL | null =>
  unlimited(reader) ? null : exists(customers, id, customerReadScope(reader, customers));

/** Follow-ups follow their parent: the customer by its read scope, the lead by the lead read scope. */
function followUpReach(reader: AuditReader, id: SQL): SQL | null {
  if (unlimited(reader)) return null;
  return exists(
    followUps,
    id,
    sql`((${followUps.customerId} is not null and exists (select 1 from ${customers}
           where ${customers.orgId} = ${followUps.orgId} and ${customers.id} = ${followUps.customerId} and ${customerReadScope(reader, customers)}))
      or (${followUps.leadId} is not null and exists (select 1 from ${leads}
           where ${leads.orgId} = ${followUps.orgId} and ${leads.id} = ${followUps.leadId} and ${readableLeadScope(reader)})))`,
  );
}

/** Expenses are the claimant's (employee) records, by the owner scope. */
const expenseReach = (reader: AuditReader, id: SQL): SQL | null =>
  unlimited(reader)
    ? null
    : exists(expenses, id, ownedRecordScope(reader, { orgId: expenses.orgId, ownerId: expenses.employeeId }));

/** Attachments follow the follow-up or expense they belong to, with that record's permission. */
function attachmentReach(reader: AuditReader, id: SQL): SQL | null {
  if (unlimited(reader) && reader.permissions.has('followups.view') && reader.permissions.has('expenses.view'))
    return null;
  const branch = (
    entity: 'follow_up' | 'expense',
    permission: Permission,
    reach: (r: AuditReader, parent: SQL) => SQL | null,
  ) => {
    if (!reader.permissions.has(permission)) return null;
    const parent = reach(reader, sql`${attachments.entityId}`);
    return sql`(${attachments.entity} = ${entity} and ${parent ?? sql`true`})`;
  };
  const branches = [
    branch('follow_up', 'followups.view', followUpReach),
    branch('expense', 'expenses.view', expenseReach),
  ].filter((b): b is SQL => b !== null);
  if (branches.length === 0) return sql`false`;
  return exists(attachments, id, sql`(${sql.join(branches, sql` or `)})`);
}

const RULES: Partial<Record<AuditEntity, EntityRule>> = {
  customer: { permission: 'customers.view', reach: customerReach },
  customer_credit: { permission: 'credit.view', reach: customerReach },
  contact: {
    permission: 'contacts.view',
    // The contacts module reads contacts through the customer's owner scope (not team membership).
    reach: (reader, id) =>
      unlimited(reader) ? null : underCustomer(contacts, contacts.customerId, id, ownedRecordScope(reader, customers)),
  },
  lead: {
    permission: 'leads.view',
    reach: (reader, id) => (unlimited(reader) ? null : exists(leads, id, readableLeadScope(reader))),
  },
  opportunity: {
    permission: 'opportunities.view',
    reach: readableUnderCustomer(opportunities, opportunities.customerId),
  },
  order: { permission: 'orders.view', reach: readableUnderCustomer(orders, orders.customerId) },
  // A payment plan's entries carry the order's id.
  payment_plan: { permission: 'payments.view', reach: readableUnderCustomer(orders, orders.customerId) },
  payment: { permission: 'payments.view', reach: readableUnderCustomer(payments, payments.customerId) },
  stage_transition_request: {
    permission: 'lifecycle.view',
    reach: readableUnderCustomer(stageTransitionRequests, stageTransitionRequests.customerId),
  },
  approval_request: {
    permission: 'approvals.view',
    // A request about a customer's business follows that customer; one without (an expense) its submitter.
    reach: (reader, id) => {
      if (unlimited(reader)) return null;
      return exists(
        approvalRequests,
        id,
        sql`((${approvalRequests.customerId} is not null and exists (select 1 from ${customers}
               where ${customers.orgId} = ${approvalRequests.orgId} and ${customers.id} = ${approvalRequests.customerId}
                 and ${customerReadScope(reader, customers)}))
          or (${approvalRequests.customerId} is null and ${approvalRequests.submittedBy} in (${visibleOwnerIds(reader)})))`,
      );
    },
  },
  follow_up: { permission: 'followups.view', reach: followUpReach },
  attachment: { permission: null, reach: attachmentReach },
  visit: {
    permission: 'visits.view',
    reach: (reader, id) =>
      unlimited(reader) ? null : exists(visits, id, personInScope(reader, sql`${visits.userId}`)),
  },
  complaint: {
    permission: 'complaints.view',
    reach: (reader, id) => (unlimited(reader) ? null : exists(complaints, id, complaintReach(reader))),
  },
  task: {
    permission: 'tasks.view',
    reach: (reader, id) => (unlimited(reader) ? null : exists(tasks, id, taskReach(reader))),
  },
  // Drafts stay their author's, whatever the reader's scope.
  work_report: { permission: 'reports.view', reach: (reader, id) => exists(workReports, id, readableReports(reader)) },
  work_plan: { permission: 'plans.view', reach: (reader, id) => exists(workPlans, id, readablePlans(reader)) },
  expense: { permission: 'expenses.view', reach: expenseReach },
  stock_movement: {
    permission: 'stock.view',
    // Receipts and transfers are visible to every stock reader; an order's issue follows the order's customer.
    reach: (reader, id) =>
      unlimited(reader)
        ? null
        : exists(
            stockMovements,
            id,
            sql`(${stockMovements.orderId} is null or exists (select 1 from ${orders}
                   join ${customers} on ${customers.orgId} = ${orders.orgId} and ${customers.id} = ${orders.customerId}
                  where ${orders.orgId} = ${stockMovements.orgId} and ${orders.id} = ${stockMovements.orderId}
                    and ${customerReadScope(reader, customers)}))`,
          ),
  },
  user: {
    permission: 'users.view',
    reach: (reader, id) => {
      const people = visibleOwnerIds(reader);
      return people === null ? null : sql`${id} in (${people})`;
    },
  },
};

/**
 * Organization-wide records (settings, catalog, roles, departments, pools, tokens, jobs, saved
 * views): the whole history with data scope `all`, otherwise only what the reader did themselves.
 */
const organizationWide = (reader: AuditReader): SQL | null =>
  unlimited(reader) ? null : sql`${auditLog.actorId} = ${reader.userId}`;

/** The audited record's id as a uuid; a malformed id matches nothing instead of failing the query. */
const auditedId = sql`(case when ${auditLog.entityId} ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
  then ${auditLog.entityId}::uuid end)`;

/**
 * The one predicate over `audit_log` rows the reader may see: per entity type, the record's own
 * permission and scope (security A9). Null when nothing is excluded (an administrator).
 * The CASE evaluates a record's scope only for rows of that type, as one index probe per row.
 */
export function auditVisibility(reader: AuditReader): SQL | null {
  const branches: SQL[] = [];
  let limited = false;
  for (const [entity, rule] of Object.entries(RULES)) {
    const permitted = rule.permission === null || reader.permissions.has(rule.permission);
    const reach = permitted ? rule.reach(reader, auditedId) : sql`false`;
    if (reach !== null) limited = true;
    branches.push(sql`when ${entity} then ${reach ?? sql`true`}`);
  }
  const fallback = organizationWide(reader);
  if (!limited && fallback === null) return null;
  return sql`(case ${auditLog.entity} ${sql.join(branches, sql` `)} else ${fallback ?? sql`true`} end)`;
}
