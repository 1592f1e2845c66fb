import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { customers, orgSequences, users } from '../../platform/db/schema/index.js';
import {
  customerReadScope,
  ownedRecordScope,
  type ScopeActor,
  visibleOwnerIds,
} from '../../platform/scope/data-scope.js';

/** Sort keys map to columns here and nowhere else (security B1). */
export const SORT_COLUMNS = {
  updatedAt: customers.updatedAt,
  createdAt: customers.createdAt,
  name: customers.name,
  customerNo: customers.customerNo,
} as const;
export type CustomerSortKey = keyof typeof SORT_COLUMNS;

export const customerColumns = {
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

export const ownerJoin = and(eq(users.orgId, customers.orgId), eq(users.id, customers.ownerId));

/** SQL for single customers (lists live in customer-list.repository.ts); every read and write is limited by the caller's scope. */
export const customersRepository = {
  async getById(
    db: Executor,
    actor: ScopeActor,
    id: string,
    options: { includeDeleted?: boolean } = {},
  ): Promise<CustomerRow | null> {
    // Detail reads also admit team members (read-only; writes lock with ownedRecordScope).
    const conditions = [customerReadScope(actor, customers), eq(customers.id, id)];
    if (!options.includeDeleted) conditions.push(isNull(customers.deletedAt));
    const rows = await db
      .select(customerColumns)
      .from(customers)
      .leftJoin(users, ownerJoin)
      .where(and(...conditions));
    return rows[0] ?? null;
  },

  /** Locks the row for the rest of the transaction; answers only within scope. */
  async lockById(
    db: Executor,
    actor: ScopeActor,
    id: string,
  ): Promise<(CustomerRow & { searchTokens: string }) | null> {
    const rows = await db
      .select({ ...customerColumns, searchTokens: customers.searchTokens })
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
