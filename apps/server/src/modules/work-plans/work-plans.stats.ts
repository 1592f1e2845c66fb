import type { PlanStats, PlanStatsQuery, PlanStatsRow } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { invalidField } from '../../platform/errors/app-error.js';
import type { ScopeActor } from '../../platform/scope/data-scope.js';
import { addDays } from '../../platform/time/index.js';
import { workPlans } from '../../platform/db/schema/index.js';
import { readablePlans } from './work-plans.repository.js';

/** The longest range one statistics request may cover, as for the report statistics. */
const MAX_RANGE_DAYS = 366;

interface AuthorCounts {
  userId: string;
  name: string;
  submitted: number;
  approved: number;
  commented: number;
  waiting: number;
  scored: number;
  scoreSum: number;
}

/** Submitted plans per author the actor may read, whose period starts in [from, to]. */
async function countsByAuthor(
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
}

const averageOf = (sum: number, count: number) => (count === 0 ? null : Math.round((sum / count) * 100) / 100);

const countsOf = (c: Omit<AuthorCounts, 'userId' | 'name'>): Omit<PlanStatsRow, 'user'> => ({
  submitted: c.submitted,
  approved: c.approved,
  commented: c.commented,
  waiting: c.waiting,
  scored: c.scored,
  averageScore: averageOf(c.scoreSum, c.scored),
});

/** The reviewers' assessment of plans (seed 004), next to the report statistics. */
export function createPlanStatsService({ db }: { db: Db }) {
  return {
    async stats(actor: Actor, query: PlanStatsQuery): Promise<PlanStats> {
      const { from, to } = query;
      if (to < from) throw invalidField('to', 'validation.invalid');
      if (addDays(from, MAX_RANGE_DAYS) < to) throw invalidField('to', 'validation.invalid');
      const authors = await countsByAuthor(db, actor, query);
      const total = authors.reduce(
        (sum, a) => ({
          submitted: sum.submitted + a.submitted,
          approved: sum.approved + a.approved,
          commented: sum.commented + a.commented,
          waiting: sum.waiting + a.waiting,
          scored: sum.scored + a.scored,
          scoreSum: sum.scoreSum + a.scoreSum,
        }),
        { submitted: 0, approved: 0, commented: 0, waiting: 0, scored: 0, scoreSum: 0 },
      );
      return {
        from,
        to,
        rows: authors.map((a) => ({ user: { id: a.userId, name: a.name }, ...countsOf(a) })),
        team: countsOf(total),
      };
    },
  };
}
