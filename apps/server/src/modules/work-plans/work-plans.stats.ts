import type { PlanStats, PlanStatsQuery, PlanStatsRow } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { assertStatsRange } from '../work-reports/index.js';
import { planStatsRepository, type AuthorCounts } from './work-plans.stats.repository.js';

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
      assertStatsRange(from, to);
      const authors = await planStatsRepository.countsByAuthor(db, actor, query);
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
