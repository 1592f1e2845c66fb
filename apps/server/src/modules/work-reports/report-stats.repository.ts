import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { isRequiredToReport, sqlList } from './report-duty.js';
import { teamAuthor } from './work-review.js';
import type { ScopeActor } from '../../platform/scope/data-scope.js';

export interface StatsUserRow {
  id: string;
  name: string;
  departmentName: string | null;
  createdAt: Date;
  isRequired: boolean;
}

export interface StatsReportRow {
  authorId: string;
  periodStart: string;
  status: string;
  isLate: boolean;
  score: number | null;
}

/** Reads for the report statistics, limited to the caller and the people they may see. */
export const reportStatsRepository = {
  /** Active users the caller may see, each flagged whether the settings make them write reports. */
  async findUsers(
    db: Executor,
    actor: ScopeActor,
    options: { roleCodes: readonly string[]; departmentIds: readonly string[]; departmentId?: string | undefined },
  ): Promise<StatsUserRow[]> {
    const u = sql`u.id`;
    const rows = await queryRows<StatsUserRow & { createdAt: Date | string }>(
      db,
      sql`select u.id, u.display_name as name, d.name as "departmentName", u.created_at as "createdAt",
                 ${isRequiredToReport('u', options)} as "isRequired"
            from users u left join departments d on d.org_id = u.org_id and d.id = u.department_id
           where u.org_id = ${actor.orgId} and not u.disabled
             and (u.id = ${actor.userId} or ${teamAuthor(actor, u)})
             ${options.departmentId ? sql`and u.department_id = ${options.departmentId}` : sql``}
           order by d.name nulls last, u.display_name, u.id`,
    );
    return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt), isRequired: row.isRequired === true }));
  },

  async findSubmitted(
    db: Executor,
    key: { orgId: string; kind: string; from: string; to: string; authorIds: readonly string[] },
  ): Promise<StatsReportRow[]> {
    if (key.authorIds.length === 0) return [];
    return queryRows<StatsReportRow>(
      db,
      sql`select author_id as "authorId", to_char(period_start, 'YYYY-MM-DD') as "periodStart", status, is_late as "isLate", score
            from work_reports
           where org_id = ${key.orgId} and kind = ${key.kind} and status <> 'draft'
             and period_start >= ${key.from}::date and period_start <= ${key.to}::date
             and author_id in (${sqlList(key.authorIds, sql`::uuid`)})`,
    );
  },
};
