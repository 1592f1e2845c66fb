import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { workPlans } from '../../platform/db/schema/index.js';
import type { ScopeActor } from '../../platform/scope/data-scope.js';
import { readablePlans } from './work-plans.repository.js';

export interface AuthorCounts {
  userId: string;
  name: string;
  submitted: number;
  approved: number;
  commented: number;
  waiting: number;
  scored: number;
  scoreSum: number;
}

/** Reads of the plan statistics, within the plans the actor may read (`readablePlans`). */
export const planStatsRepository = {
  /** Submitted plans per author the actor may read, whose period starts in [from, to]. */
  async countsByAuthor(
    db: Executor,
    actor: ScopeActor,
    range: { from: string; to: string; departmentId?: string | undefined },
  ): Promise<AuthorCounts[]> {
    const p = workPlans;
    const rows = await queryRows<Record<keyof AuthorCounts, string | number>>(
      db,
      sql`select u.id as "userId", u.display_name as name,
               count(*)::int as submitted,
               count(*) filter (where ${p.status} = 'approved')::int as approved,
               count(*) filter (where ${p.status} = 'commented')::int as commented,
               count(*) filter (where ${p.status} = 'submitted')::int as waiting,
               count(${p.score})::int as scored,
               coalesce(sum(${p.score}), 0)::int as "scoreSum"
          from ${p} join users u on u.org_id = ${p.orgId} and u.id = ${p.authorId}
         where ${readablePlans(actor)} and ${p.status} <> 'draft'
           and ${p.periodStart} >= ${range.from}::date and ${p.periodStart} <= ${range.to}::date
           ${range.departmentId ? sql`and u.department_id = ${range.departmentId}` : sql``}
         group by u.id, u.display_name
         order by u.display_name, u.id`,
    );
    return rows.map((row) => ({
      userId: String(row.userId),
      name: String(row.name),
      submitted: Number(row.submitted),
      approved: Number(row.approved),
      commented: Number(row.commented),
      waiting: Number(row.waiting),
      scored: Number(row.scored),
      scoreSum: Number(row.scoreSum),
    }));
  },
};
