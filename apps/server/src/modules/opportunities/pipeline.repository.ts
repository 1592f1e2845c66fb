import { and, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { customers, departments, opportunities, salesProcessStages, users } from '../../platform/db/schema/index.js';
import { customerJoin, stageJoin, visibleOpportunities } from './opportunities.repository.js';
import type { ScopeActor } from '../../platform/scope/data-scope.js';

export interface PipelineSumsRow {
  count: number;
  amountFen: number;
  weightedAmountFen: number;
}

/**
 * Sums in integer fen. sum(bigint) is numeric in PostgreSQL, so nothing overflows; the weighted sum
 * is rounded once, on the total, to whole fen. Both come back as text (node-postgres returns bigint
 * and numeric as strings, PGlite may not) and are read as numbers: exact, as the contract caps
 * single amounts far below 2^53.
 */
const sums = {
  count: sql<number>`count(*)::int`,
  amountFen: sql<number>`coalesce(sum(${opportunities.amountFen}), 0)::text`.mapWith(Number),
  weightedAmountFen:
    sql<number>`coalesce(round(sum(${opportunities.amountFen} * ${salesProcessStages.probability}) / 100.0), 0)::text`.mapWith(
      Number,
    ),
};
const byWeightDesc = sql`coalesce(sum(${opportunities.amountFen} * ${salesProcessStages.probability}), 0) desc`;
const ownerJoin = and(eq(users.orgId, opportunities.orgId), eq(users.id, opportunities.ownerId));
const departmentJoin = and(eq(departments.orgId, users.orgId), eq(departments.id, users.departmentId));

export interface PipelineRange {
  from?: string | undefined;
  to?: string | undefined;
  processId?: string | undefined;
  /** Only this currency's opportunities: amounts in different currencies never add up. */
  currency: string;
}

/** Open, live opportunities in scope and currency, expected to close within the range. */
function openInScope(actor: ScopeActor, options: PipelineRange): SQL {
  const conditions = [
    visibleOpportunities(actor),
    isNull(opportunities.deletedAt),
    eq(opportunities.status, 'open'),
    eq(opportunities.currency, options.currency),
  ];
  if (options.from) conditions.push(gte(opportunities.expectedCloseDate, options.from));
  if (options.to) conditions.push(lte(opportunities.expectedCloseDate, options.to));
  if (options.processId) conditions.push(eq(opportunities.processId, options.processId));
  return and(...conditions)!;
}

/** The weighted pipeline (amount × stage probability), summed in SQL within the caller's scope. */
export const pipelineRepository = {
  async sumByOwner(db: Executor, actor: ScopeActor, range: PipelineRange) {
    return db
      .select({ key: opportunities.ownerId, name: users.displayName, ...sums })
      .from(opportunities)
      .innerJoin(customers, customerJoin)
      .innerJoin(salesProcessStages, stageJoin)
      .leftJoin(users, ownerJoin)
      .where(openInScope(actor, range))
      .groupBy(opportunities.ownerId, users.displayName)
      .orderBy(byWeightDesc);
  },

  /** Per team: the owner's current department (null for owners without one). */
  async sumByDepartment(db: Executor, actor: ScopeActor, range: PipelineRange) {
    return db
      .select({ key: departments.id, name: departments.name, ...sums })
      .from(opportunities)
      .innerJoin(customers, customerJoin)
      .innerJoin(salesProcessStages, stageJoin)
      .leftJoin(users, ownerJoin)
      .leftJoin(departments, departmentJoin)
      .where(openInScope(actor, range))
      .groupBy(departments.id, departments.name)
      .orderBy(byWeightDesc);
  },

  async sumByStage(db: Executor, actor: ScopeActor, range: PipelineRange) {
    return db
      .select({
        processId: opportunities.processId,
        stageId: opportunities.stageId,
        name: salesProcessStages.name,
        nameEn: salesProcessStages.nameEn,
        probability: salesProcessStages.probability,
        sortOrder: salesProcessStages.sortOrder,
        ...sums,
      })
      .from(opportunities)
      .innerJoin(customers, customerJoin)
      .innerJoin(salesProcessStages, stageJoin)
      .where(openInScope(actor, range))
      .groupBy(
        opportunities.processId,
        opportunities.stageId,
        salesProcessStages.name,
        salesProcessStages.nameEn,
        salesProcessStages.probability,
        salesProcessStages.sortOrder,
      )
      .orderBy(opportunities.processId, salesProcessStages.sortOrder);
  },

  async sumAll(db: Executor, actor: ScopeActor, range: PipelineRange): Promise<PipelineSumsRow> {
    const rows = await db
      .select(sums)
      .from(opportunities)
      .innerJoin(customers, customerJoin)
      .innerJoin(salesProcessStages, stageJoin)
      .where(openInScope(actor, range));
    return rows[0] ?? { count: 0, amountFen: 0, weightedAmountFen: 0 };
  },
};
