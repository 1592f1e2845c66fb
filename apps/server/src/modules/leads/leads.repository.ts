import { and, desc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { LEAD_FIELDS } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { pickColumns } from '../../platform/db/shapes.js';
import { queryRows } from '../../platform/db/query.js';
import { leadPools, leads, users } from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';
import { visibleOwnerIds } from '../../platform/scope/data-scope.js';
import type { LeadActor } from './lead-scope.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';
import { keysetAfter, splitSortValues } from '../../platform/db/keyset.js';
import { firstRow } from '../../platform/db/row-reads.js';

/** The lead's API fields that are columns of `leads`, plus the joined pool and owner names. */
export const leadColumns = {
  ...pickColumns(leads, LEAD_FIELDS),
  poolName: leadPools.name,
  ownerName: users.displayName,
};
type LeadColumnField = Extract<(typeof LEAD_FIELDS)[number], keyof typeof leads.$inferSelect>;
export type LeadRow = Pick<typeof leads.$inferSelect, LeadColumnField> & {
  poolName: string | null;
  ownerName: string | null;
};

const ownerJoin = and(eq(users.orgId, leads.orgId), eq(users.id, leads.ownerId));
const poolJoin = and(eq(leadPools.orgId, leads.orgId), eq(leadPools.id, leads.poolId));

export interface LeadFilters {
  poolId?: string | undefined;
  status?: string | undefined;
  ownerId?: string | undefined;
  source?: string | undefined;
  /** A tsquery literal from platform/search. */
  searchQuery?: string | undefined;
  deleted?: boolean | undefined;
  /** Only leads without an owner (a pool's waiting leads). */
  unassigned?: boolean | undefined;
}

function filterConditions(filters: LeadFilters): SQL[] {
  const conditions: SQL[] = [filters.deleted ? isNotNull(leads.deletedAt) : isNull(leads.deletedAt)];
  if (filters.poolId) conditions.push(eq(leads.poolId, filters.poolId));
  if (filters.status) conditions.push(eq(leads.status, filters.status));
  if (filters.ownerId) conditions.push(eq(leads.ownerId, filters.ownerId));
  if (filters.source) conditions.push(eq(leads.source, filters.source));
  if (filters.unassigned) conditions.push(isNull(leads.ownerId), eq(leads.status, 'new'));
  if (filters.searchQuery) conditions.push(sql`${leads.searchTokens} @@ ${filters.searchQuery}::tsquery`);
  return conditions;
}

/** All SQL of leads; every method takes the scope predicate it must apply (lead-scope.ts). */
export const leadsRepository = {
  /** Newest changes first, keyset-paginated on (updated_at, id). */
  async findPage(
    db: Executor,
    scope: SQL,
    options: { filters: LeadFilters; cursor: Cursor | null; limit: number },
  ): Promise<{ rows: LeadRow[]; sortValues: string[] }> {
    const conditions = [scope, ...filterConditions(options.filters)];
    if (options.cursor) {
      const { updatedAt: sort, id } = leads;
      conditions.push(keysetAfter({ sort, id, cursor: options.cursor, cast: 'timestamptz', descending: true }));
    }
    const rows = await db
      .select({ ...leadColumns, sortValue: sql<string>`${leads.updatedAt}::text` })
      .from(leads)
      .leftJoin(users, ownerJoin)
      .leftJoin(leadPools, poolJoin)
      .where(and(...conditions))
      .orderBy(desc(leads.updatedAt), desc(leads.id))
      .limit(options.limit);
    return splitSortValues(rows);
  },

  async getById(
    db: Executor,
    scope: SQL,
    id: string,
    options: { includeDeleted?: boolean } = {},
  ): Promise<LeadRow | null> {
    const conditions = [scope, eq(leads.id, id)];
    if (!options.includeDeleted) conditions.push(isNull(leads.deletedAt));
    return firstRow(
      db
        .select(leadColumns)
        .from(leads)
        .leftJoin(users, ownerJoin)
        .leftJoin(leadPools, poolJoin)
        .where(and(...conditions)),
    );
  },

  /** Locks the rows for the rest of the transaction, in id order (no deadlocks between bulk writers). */
  async lockByIds(db: Executor, scope: SQL, ids: string[]): Promise<LeadRow[]> {
    if (ids.length === 0) return [];
    return db
      .select(leadColumns)
      .from(leads)
      .leftJoin(users, ownerJoin)
      .leftJoin(leadPools, poolJoin)
      .where(and(scope, inArray(leads.id, ids)))
      .orderBy(leads.id)
      .for('update', { of: leads });
  },

  ...versionedWrites(leads),

  /**
   * Live, unconverted leads sharing a phone (mobile or phone column) or an email, across the whole
   * organization: a duplicate must be found even where the caller cannot look.
   */
  async findByKeys(
    db: Executor,
    actor: LeadActor,
    keys: { phoneE164?: string | undefined; emailNormalized?: string | undefined },
    options: { excludeId?: string | undefined; inScope: SQL },
  ) {
    const matches: SQL[] = [];
    if (keys.phoneE164) matches.push(eq(leads.mobileE164, keys.phoneE164), eq(leads.phoneE164, keys.phoneE164));
    if (keys.emailNormalized) matches.push(eq(leads.emailNormalized, keys.emailNormalized));
    if (matches.length === 0) return [];
    return db
      .select({
        id: leads.id,
        name: leads.name,
        customerId: leads.id,
        customerName: sql<string>`coalesce(${leads.companyName}, ${leads.name})`,
        ownerId: leads.ownerId,
        ownerName: users.displayName,
        phone: sql<string | null>`coalesce(${leads.mobile}, ${leads.phone})`,
        email: leads.email,
        creditCode: sql<string | null>`null`,
        mobileE164: leads.mobileE164,
        phoneE164: leads.phoneE164,
        emailNormalized: leads.emailNormalized,
        nameNormalized: leads.companyNormalized,
        inScope: sql<boolean>`(${options.inScope})`,
      })
      .from(leads)
      .leftJoin(users, ownerJoin)
      .where(
        and(
          eq(leads.orgId, actor.orgId),
          isNull(leads.deletedAt),
          ne(leads.status, 'converted'),
          options.excludeId ? ne(leads.id, options.excludeId) : sql`true`,
          or(...matches),
        ),
      )
      .limit(20);
  },

  /** Serializes concurrent lead writes of the same phone or email (see duplicates.repository). */
  async lockKeys(db: Executor, orgId: string, keys: string[]): Promise<void> {
    for (const key of [...new Set(keys)].sort()) {
      await queryRows(db, sql`select pg_advisory_xact_lock(hashtextextended(${`duplicate:${orgId}:lead:${key}`}, 0))`);
    }
  },

  /** Which of the ids are active users inside the actor's data scope (possible owners). */
  async findAssignableOwners(db: Executor, actor: LeadActor, userIds: string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const owners = visibleOwnerIds(actor);
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.orgId, actor.orgId),
          inArray(users.id, userIds),
          eq(users.disabled, false),
          owners === null ? sql`true` : sql`${users.id} in (${owners})`,
        ),
      );
    return rows.map((r) => r.id);
  },
};
