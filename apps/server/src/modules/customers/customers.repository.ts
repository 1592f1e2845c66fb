import { and, asc, desc, eq, gte, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CustomerKind, Gender, Scale, Source, Stage, Tier } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { customers, orgSequences, users } from '../../platform/db/schema/index.js';
import type { Cursor } from '../../platform/pagination.js';
import { customerReadScope, ownedRecordScope, visibleOwnerIds } from '../../platform/scope/data-scope.js';

export type ScopeActor = Pick<Actor, 'orgId' | 'userId' | 'departmentId' | 'dataScope'>;

export interface CustomerFilters {
  stage?: Stage | undefined;
  kind?: CustomerKind | undefined;
  tier?: Tier | undefined;
  source?: Source | undefined;
  ownerId?: string | undefined;
  scale?: Scale | undefined;
  gender?: Gender | undefined;
  industry?: string | undefined;
  province?: string | undefined;
  city?: string | undefined;
  district?: string | undefined;
  /** Every one of these tags. */
  tags?: string[] | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  updatedFrom?: string | undefined;
  updatedTo?: string | undefined;
  /** A tsquery literal from platform/search. */
  searchQuery?: string | undefined;
  deleted?: boolean | undefined;
}

/** Sort keys map to columns here and nowhere else (security B1). */
const SORT_COLUMNS = {
  updatedAt: customers.updatedAt,
  createdAt: customers.createdAt,
  name: customers.name,
  customerNo: customers.customerNo,
} as const;
export type CustomerSortKey = keyof typeof SORT_COLUMNS;

const row = {
  id: customers.id,
  customerNo: customers.customerNo,
  kind: customers.kind,
  name: customers.name,
  phone: customers.phone,
  email: customers.email,
  creditCode: customers.creditCode,
  industry: customers.industry,
  scale: customers.scale,
  website: customers.website,
  gender: customers.gender,
  birthday: customers.birthday,
  tier: customers.tier,
  source: customers.source,
  stage: customers.stage,
  tags: customers.tags,
  province: customers.province,
  city: customers.city,
  district: customers.district,
  regionCode: customers.regionCode,
  address: customers.address,
  remarks: customers.remarks,
  ownerId: customers.ownerId,
  ownerName: users.displayName,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
  deletedAt: customers.deletedAt,
  version: customers.version,
};
export interface CustomerRow {
  id: string;
  customerNo: string;
  kind: string;
  name: string;
  phone: string | null;
  email: string | null;
  creditCode: string | null;
  industry: string | null;
  scale: string | null;
  website: string | null;
  gender: string | null;
  birthday: string | null;
  tier: string | null;
  source: string | null;
  stage: string;
  tags: string[];
  province: string | null;
  city: string | null;
  district: string | null;
  regionCode: string | null;
  address: string | null;
  remarks: string | null;
  ownerId: string | null;
  ownerName: string | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  version: number;
}

const ownerJoin = and(eq(users.orgId, customers.orgId), eq(users.id, customers.ownerId));

/** Search answers are ranked among at most this many matches (bench.md: search first, then sort). */
export const SEARCH_CANDIDATE_LIMIT = 5000;

/**
 * Search matches as an uncorrelated `array(select …)`: PostgreSQL evaluates it once through the
 * GIN index and then fetches the candidates by primary key. Written as a plain `@@` condition,
 * the planner may instead walk a sort index and test every row's tokens (seconds at 1M rows).
 */
function searchCandidates(actor: ScopeActor, filters: CustomerFilters, searchQuery: string): SQL {
  const candidate = alias(customers, 'candidate');
  const deleted = filters.deleted ? isNotNull(candidate.deletedAt) : isNull(candidate.deletedAt);
  return sql`${customers.id} = any(array(
    select ${candidate.id} from customers candidate
     where ${ownedRecordScope(actor, candidate)} and ${deleted}
       and ${candidate.searchTokens} @@ ${searchQuery}::tsquery
     limit ${SEARCH_CANDIDATE_LIMIT}))`;
}

function filterConditions(actor: ScopeActor, filters: CustomerFilters): SQL[] {
  const conditions: SQL[] = [ownedRecordScope(actor, customers)];
  conditions.push(filters.deleted ? isNotNull(customers.deletedAt) : isNull(customers.deletedAt));
  if (filters.stage) conditions.push(eq(customers.stage, filters.stage));
  if (filters.kind) conditions.push(eq(customers.kind, filters.kind));
  if (filters.tier) conditions.push(eq(customers.tier, filters.tier));
  if (filters.source) conditions.push(eq(customers.source, filters.source));
  if (filters.ownerId) conditions.push(eq(customers.ownerId, filters.ownerId));
  if (filters.scale) conditions.push(eq(customers.scale, filters.scale));
  if (filters.gender) conditions.push(eq(customers.gender, filters.gender));
  if (filters.industry) conditions.push(eq(customers.industry, filters.industry));
  if (filters.province) conditions.push(eq(customers.province, filters.province));
  if (filters.city) conditions.push(eq(customers.city, filters.city));
  if (filters.district) conditions.push(eq(customers.district, filters.district));
  if (filters.tags?.length) {
    conditions.push(sql`${customers.tags} @> array[${sql.join(filters.tags.map((t) => sql`${t}`), sql`, `)}]::text[]`);
  }
  if (filters.createdFrom) conditions.push(gte(customers.createdAt, new Date(filters.createdFrom)));
  if (filters.createdTo) conditions.push(lte(customers.createdAt, new Date(filters.createdTo)));
  if (filters.updatedFrom) conditions.push(gte(customers.updatedAt, new Date(filters.updatedFrom)));
  if (filters.updatedTo) conditions.push(lte(customers.updatedAt, new Date(filters.updatedTo)));
  if (filters.searchQuery) conditions.push(searchCandidates(actor, filters, filters.searchQuery));
  return conditions;
}

/** All SQL of the customers module; every read and write is limited by the caller's scope. */
export const customersRepository = {
  async findPage(
    db: Executor,
    actor: ScopeActor,
    options: { filters: CustomerFilters; sort: CustomerSortKey; descending: boolean; cursor: Cursor | null; limit: number },
  ): Promise<{ rows: CustomerRow[]; sortValues: (string | null)[] }> {
    const column = options.filters.deleted && options.sort === 'updatedAt' ? customers.deletedAt : SORT_COLUMNS[options.sort];
    const conditions = filterConditions(actor, options.filters);
    if (options.cursor) {
      const value = column === customers.name || column === customers.customerNo
        ? sql`${options.cursor.value}`
        : sql`${options.cursor.value}::timestamptz`;
      conditions.push(
        options.descending
          ? sql`(${column}, ${customers.id}) < (${value}, ${options.cursor.id}::uuid)`
          : sql`(${column}, ${customers.id}) > (${value}, ${options.cursor.id}::uuid)`,
      );
    }
    const direction = options.descending ? desc : asc;
    const rows = await db
      .select({ ...row, sortValue: sql<string | null>`${column}::text` })
      .from(customers)
      .leftJoin(users, ownerJoin)
      .where(and(...conditions))
      .orderBy(direction(column), direction(customers.id))
      .limit(options.limit);
    return { rows: rows.map(({ sortValue: _, ...r }) => r), sortValues: rows.map((r) => r.sortValue) };
  },

  /** Exact count up to `cap`; `null` when there are more (the caller estimates). */
  async countUpTo(db: Executor, actor: ScopeActor, filters: CustomerFilters, cap: number): Promise<number | null> {
    const inner = db.select({ one: sql`1` }).from(customers).where(and(...filterConditions(actor, filters))).limit(cap + 1);
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(inner.as('capped'));
    const n = rows[0]?.n ?? 0;
    return n > cap ? null : n;
  },

  /** The planner's row estimate for the same filters: cheap at any table size (bench W3). */
  async estimateCount(db: Executor, actor: ScopeActor, filters: CustomerFilters): Promise<number> {
    const query = db.select({ id: customers.id }).from(customers).where(and(...filterConditions(actor, filters)));
    const rows = await queryRows<{ 'QUERY PLAN': unknown }>(db, sql`explain (format json) ${query}`);
    const raw = rows[0]?.['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[];
    return Math.round(plan[0]?.Plan?.['Plan Rows'] ?? 0);
  },

  async getById(db: Executor, actor: ScopeActor, id: string, options: { includeDeleted?: boolean } = {}): Promise<CustomerRow | null> {
    // Detail reads also admit team members (read-only; writes lock with ownedRecordScope).
    const conditions = [customerReadScope(actor, customers), eq(customers.id, id)];
    if (!options.includeDeleted) conditions.push(isNull(customers.deletedAt));
    const rows = await db.select(row).from(customers).leftJoin(users, ownerJoin).where(and(...conditions));
    return rows[0] ?? null;
  },

  /** Locks the row for the rest of the transaction; answers only within scope. */
  async lockById(db: Executor, actor: ScopeActor, id: string): Promise<(CustomerRow & { searchTokens: string }) | null> {
    const rows = await db
      .select({ ...row, searchTokens: customers.searchTokens })
      .from(customers)
      .leftJoin(users, ownerJoin)
      .where(and(ownedRecordScope(actor, customers), eq(customers.id, id)))
      .for('update', { of: customers });
    return rows[0] ?? null;
  },

  async insert(db: Executor, values: typeof customers.$inferInsert | (typeof customers.$inferInsert)[]): Promise<void> {
    await db.insert(customers).values(Array.isArray(values) ? values : [values]);
  },

  async setNextCustomerNo(db: Executor, orgId: string, nextValue: number): Promise<void> {
    await db
      .update(orgSequences)
      .set({ nextValue })
      .where(and(eq(orgSequences.orgId, orgId), eq(orgSequences.name, 'customer')));
  },

  /** Applies changes when the version still matches; false when someone else changed it first. */
  async update(
    db: Executor,
    key: { orgId: string; id: string; version: number },
    changes: Partial<typeof customers.$inferInsert>,
  ): Promise<boolean> {
    const rows = await db
      .update(customers)
      .set({ ...changes, updatedAt: sql`now()`, version: sql`${customers.version} + 1` })
      .where(and(eq(customers.orgId, key.orgId), eq(customers.id, key.id), eq(customers.version, key.version)))
      .returning({ id: customers.id });
    return rows.length > 0;
  },

  async nextCustomerNo(db: Executor, orgId: string): Promise<string> {
    const rows = await db
      .update(orgSequences)
      .set({ nextValue: sql`${orgSequences.nextValue} + 1` })
      .where(and(eq(orgSequences.orgId, orgId), eq(orgSequences.name, 'customer')))
      .returning({ prefix: orgSequences.prefix, value: sql<number>`${orgSequences.nextValue} - 1` });
    const next = rows[0];
    if (!next) throw new Error(`customer sequence missing for org ${orgId}`);
    return `${next.prefix}${String(next.value).padStart(6, '0')}`;
  },

  /** An owner the actor may hand a customer to: an active user inside the actor's own scope. */
  async isAssignableOwner(db: Executor, actor: ScopeActor, ownerId: string): Promise<boolean> {
    const owners = visibleOwnerIds(actor);
    const inScope = owners === null ? sql`true` : sql`${users.id} in (${owners})`;
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, ownerId), eq(users.disabled, false), inScope));
    return rows.length > 0;
  },
};
