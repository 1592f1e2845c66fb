import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { isRequiredToReport } from '../work-reports/index.js';
import { timestamptz } from '../../platform/db/row-values.js';

export interface Me {
  orgId: string;
  userId: string;
}

export interface Found<T> {
  rows: T[];
  count: number;
}

/** A count and the first rows of one query, as every inbox section shows them. */
async function countAndFirst<T>(db: Executor, select: SQL, from: SQL, order: SQL, limit: number): Promise<Found<T>> {
  const rows = await queryRows<T>(db, sql`select ${select} ${from} order by ${order} limit ${limit}`);
  const total = await queryRows<{ n: number }>(db, sql`select count(*)::int as n ${from}`);
  return { rows, count: Number(total[0]?.n ?? 0) };
}

/**
 * The to-do inbox's own reads: each is about the caller's own records (owned by, assigned to or
 * waiting for them), so no wider data scope applies.
 */
export const todoInboxRepository = {
  /** My customers whose next contact time lies in [from, to). */
  findContacts(db: Executor, me: Me, range: { from: Date | null; to: Date }, limit: number) {
    const from = sql`from customers c where c.org_id = ${me.orgId} and c.owner_id = ${me.userId} and c.deleted_at is null
      and c.next_contact_at is not null and c.next_contact_at < ${timestamptz(range.to)}
      ${range.from ? sql`and c.next_contact_at >= ${timestamptz(range.from)}` : sql``}`;
    return countAndFirst<{ id: string; name: string; at: Date }>(
      db,
      sql`c.id, c.name, c.next_contact_at as at`,
      from,
      sql`c.next_contact_at, c.id`,
      limit,
    );
  },

  /**
   * Customers assigned or transferred to me since `since` that I still own and have not followed
   * up since; and leads assigned to me since then that have no follow-up yet (leads keep no
   * ownership log, so their last change stands in for the assignment time).
   */
  async findRecentlyAssigned(db: Executor, me: Me, since: Date, limit: number) {
    const customers = await countAndFirst<{ id: string; name: string; at: Date }>(
      db,
      sql`c.id, c.name, a.at`,
      sql`from (select e.customer_id, max(e.at) as at from ownership_events e
                 where e.org_id = ${me.orgId} and e.to_user_id = ${me.userId} and e.kind in ('assign', 'transfer')
                   and e.at >= ${timestamptz(since)}
                 group by e.customer_id) a
           join customers c on c.org_id = ${me.orgId} and c.id = a.customer_id
          where c.owner_id = ${me.userId} and c.deleted_at is null
            and (c.last_follow_up_at is null or c.last_follow_up_at < a.at)`,
      sql`a.at desc, c.id`,
      limit,
    );
    const leads = await countAndFirst<{ id: string; name: string; at: Date }>(
      db,
      sql`l.id, l.name, l.updated_at as at`,
      sql`from leads l where l.org_id = ${me.orgId} and l.owner_id = ${me.userId} and l.deleted_at is null
            and l.status = 'assigned' and l.last_follow_up_at is null and l.updated_at >= ${timestamptz(since)}`,
      sql`l.updated_at desc, l.id`,
      limit,
    );
    return { customers, leads };
  },

  /** Pending approval requests (every business type) waiting for my decision at their current step. */
  findApprovals(db: Executor, me: Me, limit: number) {
    return countAndFirst<{
      id: string;
      title: string;
      at: Date;
      businessType: string;
      entityType: string;
      entityId: string;
      customerId: string | null;
      summary: Record<string, unknown>;
      submitterName: string | null;
    }>(
      db,
      sql`r.id, r.title, r.submitted_at as at, r.business_type as "businessType", r.entity_type as "entityType",
          r.entity_id as "entityId", r.customer_id as "customerId", r.summary,
          (select u.display_name from users u where u.org_id = r.org_id and u.id = r.submitted_by) as "submitterName"`,
      sql`from approval_requests r
          where r.org_id = ${me.orgId} and r.status = 'pending' and ${me.userId}::uuid = any(r.current_approver_ids)`,
      sql`r.submitted_at, r.id`,
      limit,
    );
  },

  /** My open stuck-customer to-dos (written by the nightly stuck alert). */
  findStuck(db: Executor, me: Me, limit: number) {
    return countAndFirst<{ id: string; entityId: string; params: Record<string, unknown>; at: Date }>(
      db,
      sql`t.id, t.entity_id as "entityId", t.params, t.created_at as at`,
      sql`from todos t where t.org_id = ${me.orgId} and t.user_id = ${me.userId} and t.kind = 'customer_stuck' and t.done_at is null`,
      sql`t.created_at desc, t.id`,
      limit,
    );
  },

  /**
   * My other open stored to-dos: kinds the live sections do not cover (stuck customers have their
   * own section, approvals are read from the approvals themselves), e.g. a declining relationship.
   */
  findOtherTodos(db: Executor, me: Me, options: { excludedKinds: readonly string[]; limit: number }) {
    const excluded = sql.join(
      options.excludedKinds.map((kind) => sql`${kind}`),
      sql`, `,
    );
    return countAndFirst<{
      id: string;
      kind: string;
      entity: string;
      entityId: string;
      params: Record<string, unknown>;
      at: Date;
    }>(
      db,
      sql`t.id, t.kind, t.entity, t.entity_id as "entityId", t.params, coalesce(t.due_at, t.created_at) as at`,
      sql`from todos t where t.org_id = ${me.orgId} and t.user_id = ${me.userId} and t.done_at is null
            and t.kind not in (${excluded})`,
      sql`t.created_at desc, t.id`,
      options.limit,
    );
  },

  /** Whether the report settings make me write reports, and since when my account exists. */
  async getReportDuty(
    db: Executor,
    me: Me,
    settings: { roleCodes: readonly string[]; departmentIds: readonly string[] },
  ) {
    const rows = await queryRows<{ isRequired: boolean; createdAt: Date | string }>(
      db,
      sql`select ${isRequiredToReport('u', settings)} as "isRequired", u.created_at as "createdAt"
            from users u where u.org_id = ${me.orgId} and u.id = ${me.userId}`,
    );
    const row = rows[0];
    return { isRequired: row?.isRequired === true, createdAt: new Date(row?.createdAt ?? 0) };
  },

  /** My reports of a kind from `from` on: their status by period start. */
  async findOwnReports(db: Executor, me: Me, key: { kind: string; from: string }) {
    return queryRows<{ id: string; periodStart: string; status: string }>(
      db,
      sql`select id, to_char(period_start, 'YYYY-MM-DD') as "periodStart", status from work_reports
           where org_id = ${me.orgId} and author_id = ${me.userId} and kind = ${key.kind} and period_start >= ${key.from}::date`,
    );
  },
};
