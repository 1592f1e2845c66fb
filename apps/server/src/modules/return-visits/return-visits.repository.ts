import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { customers, returnVisits, returnVisitSettings } from '../../platform/db/schema/index.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';
import type { Cursor } from '../../platform/pagination.js';
import { customerReadScope, type ScopeActor } from '../../platform/scope/data-scope.js';

export interface ReturnVisitRow {
  id: string;
  customerId: string;
  customerName: string;
  /** The customer's owner (null in a pool): told of a low score. */
  ownerId: string | null;
  orderId: string | null;
  orderNo: string | null;
  complaintId: string | null;
  source: string;
  dueDate: string;
  handlerId: string | null;
  handlerName: string | null;
  status: string;
  outcome: string | null;
  satisfaction: number | null;
  notes: string | null;
  raisedComplaintId: string | null;
  doneAt: Date | null;
  doneByName: string | null;
  createdAt: Date;
  /** Text form of updated_at (microseconds kept), the history list's cursor value. */
  updatedAt: string;
  version: number;
}

export interface ReturnVisitFilters {
  view: 'mine' | 'queue' | 'all';
  status?: string | undefined;
  due?: 'overdue' | 'today' | 'upcoming' | undefined;
  customerId?: string | undefined;
  orderId?: string | undefined;
}

/**
 * A return visit follows its customer: readable when the customer is (owner scope or team member),
 * and gone with a deleted customer. Every user-facing read goes through this.
 */
const visibleCustomer = (actor: ScopeActor): SQL =>
  sql`customers.deleted_at is null and ${customerReadScope(actor, customers)}`;

const SELECT = sql`select rv.id, rv.customer_id as "customerId", customers.name as "customerName", customers.owner_id as "ownerId", rv.order_id as "orderId",
    o.order_no as "orderNo", rv.complaint_id as "complaintId", rv.source, rv.due_date::text as "dueDate",
    rv.handler_id as "handlerId", h.display_name as "handlerName", rv.status, rv.outcome, rv.satisfaction, rv.notes, rv.raised_complaint_id as "raisedComplaintId",
    rv.done_at as "doneAt", d.display_name as "doneByName", rv.created_at as "createdAt", rv.updated_at::text as "updatedAt", rv.version
  from return_visits rv
  join customers on customers.org_id = rv.org_id and customers.id = rv.customer_id
  left join orders o on o.org_id = rv.org_id and o.id = rv.order_id
  left join users h on h.org_id = rv.org_id and h.id = rv.handler_id
  left join users d on d.org_id = rv.org_id and d.id = rv.done_by`;

const toRow = (r: ReturnVisitRow & { doneAt: Date | string | null; createdAt: Date | string }): ReturnVisitRow => ({
  ...r,
  satisfaction: r.satisfaction === null ? null : Number(r.satisfaction),
  doneAt: r.doneAt === null ? null : new Date(r.doneAt),
  createdAt: new Date(r.createdAt),
});

/** Open visits sort by due date (oldest first); done and cancelled ones newest first. */
const isHistory = (filters: ReturnVisitFilters) => filters.status === 'done' || filters.status === 'cancelled';

/** All SQL on return visits. */
export const returnVisitsRepository = {
  ...versionedWrites(returnVisits),

  async getById(db: Executor, actor: ScopeActor, id: string, options: { lock?: boolean } = {}) {
    const rows = await queryRows<ReturnVisitRow>(
      db,
      sql`${SELECT} where rv.org_id = ${actor.orgId} and rv.id = ${id} and ${visibleCustomer(actor)}
        ${options.lock ? sql`for update of rv` : sql``}`,
    );
    return rows[0] ? toRow(rows[0]) : null;
  },

  async findPage(
    db: Executor,
    actor: ScopeActor,
    options: { filters: ReturnVisitFilters; today: string; cursor: Cursor | null; limit: number },
  ): Promise<ReturnVisitRow[]> {
    const { filters, cursor, today } = options;
    const where: SQL[] = [sql`rv.org_id = ${actor.orgId}`, visibleCustomer(actor)];
    if (filters.view === 'mine') where.push(sql`(rv.handler_id = ${actor.userId} or rv.handler_id is null)`);
    if (filters.view === 'queue') where.push(sql`rv.handler_id is null`);
    if (filters.status) where.push(sql`rv.status = ${filters.status}`);
    if (filters.due === 'overdue') where.push(sql`rv.due_date < ${today}::date`);
    if (filters.due === 'today') where.push(sql`rv.due_date <= ${today}::date`);
    if (filters.due === 'upcoming') where.push(sql`rv.due_date > ${today}::date`);
    if (filters.customerId) where.push(sql`rv.customer_id = ${filters.customerId}`);
    if (filters.orderId) where.push(sql`rv.order_id = ${filters.orderId}`);
    if (isHistory(filters)) {
      // Done or cancelled: the latest first, by when it was closed (updated_at covers both).
      if (cursor) where.push(sql`(rv.updated_at, rv.id) < (${String(cursor.value)}::timestamptz, ${cursor.id}::uuid)`);
      const rows = await queryRows<ReturnVisitRow>(
        db,
        sql`${SELECT} where ${sql.join(where, sql` and `)} order by rv.updated_at desc, rv.id desc limit ${options.limit}`,
      );
      return rows.map(toRow);
    }
    if (cursor) where.push(sql`(rv.due_date, rv.id) > (${String(cursor.value)}::date, ${cursor.id}::uuid)`);
    const rows = await queryRows<ReturnVisitRow>(
      db,
      sql`${SELECT} where ${sql.join(where, sql` and `)} order by rv.due_date, rv.id limit ${options.limit}`,
    );
    return rows.map(toRow);
  },

  /** Open visits due by `today` for the handler or the queue (the inbox section), in scope. */
  async findDue(db: Executor, actor: ScopeActor, options: { today: string; limit: number }) {
    const where = sql`rv.org_id = ${actor.orgId} and rv.status = 'open' and rv.due_date <= ${options.today}::date
      and (rv.handler_id = ${actor.userId} or rv.handler_id is null) and ${visibleCustomer(actor)}`;
    const rows = await queryRows<ReturnVisitRow>(
      db,
      sql`${SELECT} where ${where} order by rv.due_date, rv.id limit ${options.limit}`,
    );
    const total = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from return_visits rv
        join customers on customers.org_id = rv.org_id and customers.id = rv.customer_id where ${where}`,
    );
    return { rows: rows.map(toRow), count: Number(total[0]?.n ?? 0) };
  },

  /** A live customer the actor may read. */
  async readableCustomer(db: Executor, actor: ScopeActor, customerId: string) {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select customers.id from customers where customers.org_id = ${actor.orgId} and customers.id = ${customerId} and ${visibleCustomer(actor)}`,
    );
    return rows.length > 0;
  },

  /** The order belongs to the customer (and so to the customer's scope). */
  async orderOfCustomer(db: Executor, key: { orgId: string; orderId: string; customerId: string }) {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select id from orders where org_id = ${key.orgId} and id = ${key.orderId} and customer_id = ${key.customerId}`,
    );
    return rows.length > 0;
  },

  async hasOrderVisit(db: Executor, orgId: string, orderId: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select id from return_visits where org_id = ${orgId} and order_id = ${orderId} and source = 'order_completed'`,
    );
    return rows.length > 0;
  },

  /** An active user of the organization holding the right to handle return visits. */
  async isHandler(db: Executor, orgId: string, userId: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select u.id from users u where u.org_id = ${orgId} and u.id = ${userId} and not u.disabled
        and exists (select 1 from user_roles ur join roles r on r.org_id = ur.org_id and r.id = ur.role_id
                     where ur.org_id = u.org_id and ur.user_id = u.id and r.permissions ? 'returnVisits.handle')`,
    );
    return rows.length > 0;
  },

  async getSettings(db: Executor, orgId: string) {
    const rows = await queryRows<{
      afterOrderDays: number;
      afterComplaintDays: number;
      lowScore: number;
      defaultHandlerId: string | null;
      defaultHandlerName: string | null;
      version: number;
    }>(
      db,
      sql`select s.after_order_days as "afterOrderDays", s.after_complaint_days as "afterComplaintDays",
          s.low_score as "lowScore", s.default_handler_id as "defaultHandlerId", u.display_name as "defaultHandlerName", s.version
        from return_visit_settings s left join users u on u.org_id = s.org_id and u.id = s.default_handler_id
        where s.org_id = ${orgId}`,
    );
    return rows[0] ?? null;
  },

  async putSettings(
    db: Executor,
    values: typeof returnVisitSettings.$inferInsert & { expectedVersion: number },
  ): Promise<boolean> {
    const { expectedVersion, ...row } = values;
    if (expectedVersion === 0) {
      const inserted = await db.insert(returnVisitSettings).values(row).onConflictDoNothing().returning();
      return inserted.length > 0;
    }
    const updated = await queryRows<{ org_id: string }>(
      db,
      sql`update return_visit_settings set after_order_days = ${row.afterOrderDays}, after_complaint_days = ${row.afterComplaintDays},
          low_score = ${row.lowScore}, default_handler_id = ${row.defaultHandlerId ?? null}, updated_by = ${row.updatedBy ?? null},
          updated_at = now(), version = version + 1
        where org_id = ${row.orgId} and version = ${expectedVersion} returning org_id`,
    );
    return updated.length > 0;
  },
};
