import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { competitors, opportunityCompetitors } from '../../platform/db/schema/index.js';
import { byKey, columnsEqual, firstRow } from '../../platform/db/row-reads.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';

export interface CompetitorRow {
  id: string;
  name: string;
  website: string | null;
  notes: string | null;
  opportunityCount: number;
  deletedAt: Date | null;
  version: number;
  updatedAt: Date;
}

const competitorColumns = {
  id: competitors.id,
  name: competitors.name,
  website: competitors.website,
  notes: competitors.notes,
  // Qualified by hand: drizzle leaves a one-table select's columns unqualified, ambiguous in here.
  opportunityCount: sql<number>`(select count(*)::int from opportunity_competitors oc join opportunities o on o.org_id = oc.org_id and o.id = oc.opportunity_id where oc.org_id = competitors.org_id and oc.competitor_id = competitors.id and o.deleted_at is null)`,
  deletedAt: competitors.deletedAt,
  version: competitors.version,
  updatedAt: competitors.updatedAt,
};

export interface OpportunityCompetitorRow {
  competitorId: string;
  competitorName: string;
  strengths: string | null;
  weaknesses: string | null;
  quotedPriceFen: number | null;
  currency: string;
  threatLevel: string | null;
}

/**
 * The competitor list is an organization setting, not an owned record: everyone of the
 * organization reads it; competitors on an opportunity are read after the caller checked the
 * opportunity's scope.
 */
export const competitorsRepository = {
  ...versionedWrites(competitors),

  async findAll(db: Executor, orgId: string, options: { archived?: boolean | undefined }): Promise<CompetitorRow[]> {
    return db
      .select(competitorColumns)
      .from(competitors)
      .where(
        and(
          eq(competitors.orgId, orgId),
          options.archived ? isNotNull(competitors.deletedAt) : isNull(competitors.deletedAt),
        ),
      )
      .orderBy(asc(competitors.name));
  },

  async getById(db: Executor, orgId: string, id: string): Promise<CompetitorRow | null> {
    return firstRow(db.select(competitorColumns).from(competitors).where(byKey(competitors, { orgId, id })));
  },

  async lockById(db: Executor, orgId: string, id: string): Promise<CompetitorRow | null> {
    return firstRow(
      db.select(competitorColumns).from(competitors).where(byKey(competitors, { orgId, id })).for('update'),
    );
  },

  /** Of the given ids, those of live competitors. */
  async findLiveIds(db: Executor, orgId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .select({ id: competitors.id })
      .from(competitors)
      .where(and(eq(competitors.orgId, orgId), inArray(competitors.id, ids), isNull(competitors.deletedAt)));
    return new Set(rows.map((r) => r.id));
  },

  /** The live competitor of that name (case-insensitive), if any. */
  async findIdByName(db: Executor, orgId: string, name: string): Promise<string | null> {
    const found = await firstRow(
      db
        .select({ id: competitors.id })
        .from(competitors)
        .where(
          and(
            eq(competitors.orgId, orgId),
            sql`lower(${competitors.name}) = lower(${name})`,
            isNull(competitors.deletedAt),
          ),
        ),
    );
    return found?.id ?? null;
  },

  /** Adds a competitor unless a live one of that name exists (also a concurrent free entry's). */
  async insertOrFindByName(
    db: Executor,
    values: { orgId: string; id: string; name: string },
  ): Promise<{ id: string; created: boolean }> {
    const existing = await competitorsRepository.findIdByName(db, values.orgId, values.name);
    if (existing) return { id: existing, created: false };
    const inserted = await db
      .insert(competitors)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: competitors.id });
    if (inserted[0]) return { id: inserted[0].id, created: true };
    return { id: (await competitorsRepository.findIdByName(db, values.orgId, values.name))!, created: false };
  },

  async findByOpportunity(db: Executor, orgId: string, opportunityId: string): Promise<OpportunityCompetitorRow[]> {
    return db
      .select({
        competitorId: opportunityCompetitors.competitorId,
        competitorName: competitors.name,
        strengths: opportunityCompetitors.strengths,
        weaknesses: opportunityCompetitors.weaknesses,
        quotedPriceFen: opportunityCompetitors.quotedPriceFen,
        currency: opportunityCompetitors.currency,
        threatLevel: opportunityCompetitors.threatLevel,
      })
      .from(opportunityCompetitors)
      .innerJoin(
        competitors,
        and(
          eq(competitors.orgId, opportunityCompetitors.orgId),
          eq(competitors.id, opportunityCompetitors.competitorId),
        ),
      )
      .where(columnsEqual(opportunityCompetitors, { orgId, opportunityId }))
      .orderBy(asc(competitors.name));
  },

  async replaceOnOpportunity(
    db: Executor,
    key: { orgId: string; opportunityId: string },
    rows: (typeof opportunityCompetitors.$inferInsert)[],
  ): Promise<void> {
    await db.delete(opportunityCompetitors).where(columnsEqual(opportunityCompetitors, key));
    if (rows.length > 0) await db.insert(opportunityCompetitors).values(rows);
  },
};
