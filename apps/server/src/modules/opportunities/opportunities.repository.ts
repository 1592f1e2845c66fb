import type { CustomFieldValues } from '@guanxi/contract';
import { and, desc, eq, gte, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import {
  customers,
  opportunities,
  opportunityStageChanges,
  salesProcessStages,
  users,
} from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';
import { customerReadScope, ownedRecordScope, type ScopeActor } from '../../platform/scope/data-scope.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';
import { keysetAfter, splitSortValues } from '../../platform/db/keyset.js';
import { firstRow } from '../../platform/db/row-reads.js';

export interface OpportunityRow {
  id: string;
  customerId: string;
  customerName: string;
  customerOwnerId: string | null;
  name: string;
  amountFen: number;
  currency: string;
  expectedCloseDate: string | null;
  processId: string;
  stageId: string;
  stageName: string;
  stageNameEn: string | null;
  probability: number;
  ownerId: string;
  ownerName: string | null;
  status: string;
  closeReason: string | null;
  lossReasonId: string | null;
  lossReasonName: string | null;
  lossReasonNameEn: string | null;
  lostToCompetitorId: string | null;
  lostToCompetitorName: string | null;
  closedAt: Date | null;
  customFields: CustomFieldValues;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  version: number;
}

const row = {
  id: opportunities.id,
  customerId: opportunities.customerId,
  customerName: customers.name,
  customerOwnerId: customers.ownerId,
  name: opportunities.name,
  amountFen: opportunities.amountFen,
  currency: opportunities.currency,
  expectedCloseDate: opportunities.expectedCloseDate,
  processId: opportunities.processId,
  stageId: opportunities.stageId,
  stageName: salesProcessStages.name,
  stageNameEn: salesProcessStages.nameEn,
  probability: salesProcessStages.probability,
  ownerId: opportunities.ownerId,
  ownerName: users.displayName,
  status: opportunities.status,
  closeReason: opportunities.closeReason,
  lossReasonId: opportunities.lossReasonId,
  lossReasonName: sql<
    string | null
  >`(select r.name from loss_reasons r where r.org_id = ${opportunities.orgId} and r.id = ${opportunities.lossReasonId})`,
  lossReasonNameEn: sql<
    string | null
  >`(select r.name_en from loss_reasons r where r.org_id = ${opportunities.orgId} and r.id = ${opportunities.lossReasonId})`,
  lostToCompetitorId: opportunities.lostToCompetitorId,
  lostToCompetitorName: sql<
    string | null
  >`(select c.name from competitors c where c.org_id = ${opportunities.orgId} and c.id = ${opportunities.lostToCompetitorId})`,
  closedAt: opportunities.closedAt,
  customFields: opportunities.customFields,
  createdAt: opportunities.createdAt,
  updatedAt: opportunities.updatedAt,
  deletedAt: opportunities.deletedAt,
  version: opportunities.version,
};

export const customerJoin = and(eq(customers.orgId, opportunities.orgId), eq(customers.id, opportunities.customerId));
export const stageJoin = and(
  eq(salesProcessStages.orgId, opportunities.orgId),
  eq(salesProcessStages.id, opportunities.stageId),
);
const ownerJoin = and(eq(users.orgId, opportunities.orgId), eq(users.id, opportunities.ownerId));

/** An opportunity is visible exactly when its live customer is (security A3); team members read. */
export const visibleOpportunities = (actor: ScopeActor): SQL =>
  and(eq(opportunities.orgId, actor.orgId), customerReadScope(actor, customers), isNull(customers.deletedAt))!;
/** Writes need the customer in the owned-record scope, as customer writes do. */
const writableOpportunities = (actor: ScopeActor): SQL =>
  and(eq(opportunities.orgId, actor.orgId), ownedRecordScope(actor, customers), isNull(customers.deletedAt))!;

/** One opportunity row with its customer, stage and owner names, before its conditions. */
const joinedRows = (db: Executor) =>
  db
    .select(row)
    .from(opportunities)
    .innerJoin(customers, customerJoin)
    .innerJoin(salesProcessStages, stageJoin)
    .leftJoin(users, ownerJoin);

export interface OpportunityFilters {
  q?: string | undefined;
  status?: string | undefined;
  processId?: string | undefined;
  stageId?: string | undefined;
  ownerId?: string | undefined;
  customerId?: string | undefined;
  expectedFrom?: string | undefined;
  expectedTo?: string | undefined;
  /** Closed at or after this instant, and before `closedBefore` (the service turns dates into instants). */
  closedFrom?: Date | undefined;
  closedBefore?: Date | undefined;
  /** A loss reason id, or `none` for losses without one. */
  lossReasonId?: string | undefined;
  lostToCompetitorId?: string | undefined;
  /** The trash: soft-deleted opportunities instead of live ones. */
  deleted?: boolean | undefined;
}

function filterConditions(filters: OpportunityFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.q) conditions.push(sql`position(lower(${filters.q}) in lower(${opportunities.name})) > 0`);
  if (filters.status) conditions.push(eq(opportunities.status, filters.status));
  if (filters.processId) conditions.push(eq(opportunities.processId, filters.processId));
  if (filters.stageId) conditions.push(eq(opportunities.stageId, filters.stageId));
  if (filters.ownerId) conditions.push(eq(opportunities.ownerId, filters.ownerId));
  if (filters.customerId) conditions.push(eq(opportunities.customerId, filters.customerId));
  if (filters.expectedFrom) conditions.push(gte(opportunities.expectedCloseDate, filters.expectedFrom));
  if (filters.expectedTo) conditions.push(lte(opportunities.expectedCloseDate, filters.expectedTo));
  if (filters.closedFrom) conditions.push(gte(opportunities.closedAt, filters.closedFrom));
  if (filters.closedBefore) conditions.push(lt(opportunities.closedAt, filters.closedBefore));
  if (filters.lossReasonId)
    conditions.push(
      filters.lossReasonId === 'none'
        ? and(eq(opportunities.status, 'lost'), isNull(opportunities.lossReasonId))!
        : eq(opportunities.lossReasonId, filters.lossReasonId),
    );
  if (filters.lostToCompetitorId)
    conditions.push(
      filters.lostToCompetitorId === 'none'
        ? and(eq(opportunities.status, 'lost'), isNull(opportunities.lostToCompetitorId))!
        : eq(opportunities.lostToCompetitorId, filters.lostToCompetitorId),
    );
  return conditions;
}

/** All SQL on opportunities and their stage log; every read is limited by the customer's scope. */
export const opportunitiesRepository = {
  /** Newest first, keyset on (created_at, id). */
  async findPage(
    db: Executor,
    actor: ScopeActor,
    options: { filters: OpportunityFilters; cursor: Cursor | null; limit: number },
  ): Promise<{ rows: OpportunityRow[]; sortValues: string[] }> {
    const conditions = [
      visibleOpportunities(actor),
      options.filters.deleted ? isNotNull(opportunities.deletedAt) : isNull(opportunities.deletedAt),
      ...filterConditions(options.filters),
    ];
    if (options.cursor) {
      const { createdAt: sort, id } = opportunities;
      conditions.push(keysetAfter({ sort, id, cursor: options.cursor, cast: 'timestamptz', descending: true }));
    }
    const rows = await db
      .select({ ...row, sortValue: sql<string>`${opportunities.createdAt}::text` })
      .from(opportunities)
      .innerJoin(customers, customerJoin)
      .innerJoin(salesProcessStages, stageJoin)
      .leftJoin(users, ownerJoin)
      .where(and(...conditions))
      .orderBy(desc(opportunities.createdAt), desc(opportunities.id))
      .limit(options.limit);
    return splitSortValues(rows);
  },

  async getById(db: Executor, actor: ScopeActor, id: string): Promise<OpportunityRow | null> {
    return firstRow(
      joinedRows(db).where(and(visibleOpportunities(actor), eq(opportunities.id, id), isNull(opportunities.deletedAt))),
    );
  },

  /**
   * Locks an opportunity the actor may change (a live one, or one in the trash with
   * `deleted: true`); null when unknown or out of scope (→ 404).
   */
  async lockById(
    db: Executor,
    actor: ScopeActor,
    id: string,
    options: { deleted?: boolean } = {},
  ): Promise<OpportunityRow | null> {
    return firstRow(
      joinedRows(db)
        .where(
          and(
            writableOpportunities(actor),
            eq(opportunities.id, id),
            options.deleted ? isNotNull(opportunities.deletedAt) : isNull(opportunities.deletedAt),
          ),
        )
        .for('update', { of: opportunities }),
    );
  },

  /**
   * A live opportunity by id in the organization, locked, without a caller's scope: for system
   * rules acting on a link that was checked against the scope when it was made (an order's).
   */
  async lockLinked(db: Executor, orgId: string, id: string): Promise<OpportunityRow | null> {
    return firstRow(
      joinedRows(db)
        .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, id), isNull(opportunities.deletedAt)))
        .for('update', { of: opportunities }),
    );
  },

  ...versionedWrites(opportunities),

  async insertStageChange(db: Executor, values: typeof opportunityStageChanges.$inferInsert): Promise<void> {
    await db.insert(opportunityStageChanges).values(values);
  },

  /** The stage log of one opportunity (its visibility is checked by the caller), oldest first. */
  async findStageChanges(db: Executor, orgId: string, opportunityId: string) {
    return db
      .select({
        id: opportunityStageChanges.id,
        fromStageId: opportunityStageChanges.fromStageId,
        fromStageName: sql<
          string | null
        >`(select s.name from sales_process_stages s where s.org_id = ${opportunityStageChanges.orgId} and s.id = ${opportunityStageChanges.fromStageId})`,
        toStageId: opportunityStageChanges.toStageId,
        toStageName: sql<string>`(select s.name from sales_process_stages s where s.org_id = ${opportunityStageChanges.orgId} and s.id = ${opportunityStageChanges.toStageId})`,
        fromStatus: opportunityStageChanges.fromStatus,
        toStatus: opportunityStageChanges.toStatus,
        reason: opportunityStageChanges.reason,
        actorId: opportunityStageChanges.actorId,
        actorName: users.displayName,
        at: opportunityStageChanges.at,
      })
      .from(opportunityStageChanges)
      .leftJoin(
        users,
        and(eq(users.orgId, opportunityStageChanges.orgId), eq(users.id, opportunityStageChanges.actorId)),
      )
      .where(and(eq(opportunityStageChanges.orgId, orgId), eq(opportunityStageChanges.opportunityId, opportunityId)))
      .orderBy(opportunityStageChanges.at, opportunityStageChanges.id);
  },
};
