import { and, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import {
  competitors,
  customers,
  lossReasons,
  opportunities,
  opportunityCompetitors,
} from '../../platform/db/schema/index.js';
import type { ScopeActor } from '../../platform/scope/data-scope.js';
import { customerJoin, visibleOpportunities } from './opportunities.repository.js';

export interface LossPeriod {
  /** Closed at or after `from` and before `before`. */
  from: Date;
  before: Date;
  /** Only this currency's opportunities: amounts in different currencies never add up. */
  currency: string;
}

/** Exact fen sums read as numbers (see pipeline.repository: sum(bigint) is numeric, sent as text). */
const sums = {
  count: sql<number>`count(*)::int`,
  amountFen: sql<number>`coalesce(sum(${opportunities.amountFen}), 0)::text`.mapWith(Number),
};
const byCountDesc = [sql`count(*) desc`, sql`coalesce(sum(${opportunities.amountFen}), 0) desc`];

/** Live opportunities in the reader's scope (the list's scope), closed in the period. */
function closedInScope(actor: ScopeActor, period: Omit<LossPeriod, 'currency'>): SQL {
  return and(
    visibleOpportunities(actor),
    isNull(opportunities.deletedAt),
    gte(opportunities.closedAt, period.from),
    lt(opportunities.closedAt, period.before),
  )!;
}
const lostInScope = (actor: ScopeActor, period: LossPeriod): SQL =>
  and(closedInScope(actor, period), eq(opportunities.status, 'lost'), eq(opportunities.currency, period.currency))!;

/** The loss report, summed in SQL within the caller's data scope. */
export const lossReportRepository = {
  async sumByReason(db: Executor, actor: ScopeActor, period: LossPeriod) {
    return db
      .select({ id: opportunities.lossReasonId, name: lossReasons.name, nameEn: lossReasons.nameEn, ...sums })
      .from(opportunities)
      .innerJoin(customers, customerJoin)
      .leftJoin(
        lossReasons,
        and(eq(lossReasons.orgId, opportunities.orgId), eq(lossReasons.id, opportunities.lossReasonId)),
      )
      .where(lostInScope(actor, period))
      .groupBy(opportunities.lossReasonId, lossReasons.name, lossReasons.nameEn)
      .orderBy(...byCountDesc);
  },

  async sumByCompetitor(db: Executor, actor: ScopeActor, period: LossPeriod) {
    return db
      .select({ id: opportunities.lostToCompetitorId, name: competitors.name, ...sums })
      .from(opportunities)
      .innerJoin(customers, customerJoin)
      .leftJoin(
        competitors,
        and(eq(competitors.orgId, opportunities.orgId), eq(competitors.id, opportunities.lostToCompetitorId)),
      )
      .where(lostInScope(actor, period))
      .groupBy(opportunities.lostToCompetitorId, competitors.name)
      .orderBy(...byCountDesc);
  },

  /**
   * Won and lost opportunities (any currency: these are counts) closed in the period on which a
   * competitor was recorded, or which were lost to it.
   */
  async winRates(db: Executor, actor: ScopeActor, period: Omit<LossPeriod, 'currency'>) {
    const recorded = sql`(exists (select 1 from ${opportunityCompetitors} oc where oc.org_id = ${opportunities.orgId} and oc.opportunity_id = ${opportunities.id} and oc.competitor_id = ${competitors.id}) or ${opportunities.lostToCompetitorId} = ${competitors.id})`;
    return db
      .select({
        competitorId: competitors.id,
        name: competitors.name,
        won: sql<number>`count(*) filter (where ${opportunities.status} = 'won')::int`,
        lost: sql<number>`count(*) filter (where ${opportunities.status} = 'lost')::int`,
      })
      .from(opportunities)
      .innerJoin(customers, customerJoin)
      .innerJoin(competitors, and(eq(competitors.orgId, opportunities.orgId), recorded))
      .where(and(closedInScope(actor, period), inArray(opportunities.status, ['won', 'lost'])))
      .groupBy(competitors.id, competitors.name)
      .orderBy(sql`count(*) desc`, competitors.name);
  },
};
