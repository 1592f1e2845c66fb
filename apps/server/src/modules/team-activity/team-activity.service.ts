import { NEGLECT_DAYS, type NeglectedCustomers, type TeamActivity, type TeamActivityQuery } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { activityPeriods } from './activity-periods.js';
import { teamActivityRepository, type CountRow } from './team-activity.repository.js';
import { orgTimeZone, todayIn } from '../../platform/time/index.js';

/** Spreads (user, period, n) rows over the periods, in order; absent periods count 0. */
function series(rows: CountRow[], userId: string, periods: string[]): number[] {
  const byPeriod = new Map(rows.filter((r) => r.userId === userId).map((r) => [r.period, r.n]));
  return periods.map((p) => byPeriod.get(p) ?? 0);
}

/** The manager's view of the team (permission team.view): activity per person, neglected customers. */
export function createTeamActivityService({ db }: { db: Db }) {
  return {
    /** Follow-ups and visits per person in scope and per day or week (organization time zone). */
    async activity(actor: Actor, query: TeamActivityQuery): Promise<TeamActivity> {
      const timeZone = await orgTimeZone(db, actor.orgId);
      const { period, periods, from, toExclusive } = activityPeriods(query, todayIn(timeZone));
      const range = { period, from, toExclusive, timeZone };
      const [people, followUps, visits] = await Promise.all([
        teamActivityRepository.people(db, actor),
        teamActivityRepository.followUpCounts(db, actor, range),
        teamActivityRepository.visitCounts(db, actor, range),
      ]);
      return {
        period,
        periods,
        rows: people.map((p) => ({
          ...p,
          followUps: series(followUps, p.userId, periods),
          visits: series(visits, p.userId, periods),
        })),
      };
    },

    /** Customers of the team without a follow-up for 7/15/30/90/180 days, per owner (cumulative buckets). */
    async neglected(actor: Actor): Promise<NeglectedCustomers> {
      const rows = await teamActivityRepository.neglectedByOwner(db, actor);
      const totals = NEGLECT_DAYS.map((_, i) => rows.reduce((sum, r) => sum + (r.counts[i] ?? 0), 0));
      return { days: [...NEGLECT_DAYS], rows, totals };
    },
  };
}
