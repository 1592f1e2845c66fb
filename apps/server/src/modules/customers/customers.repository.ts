import { CUSTOMER_FIELDS, type Customer } from '@guanxi/contract';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { customers, orgSequences, users } from '../../platform/db/schema/index.js';
import { pickColumns } from '../../platform/db/shapes.js';
import { insertRowsAsJson } from '../../platform/db/bulk-insert.js';
import {
  customerReadScope,
  ownedRecordScope,
  type ScopeActor,
  visibleOwnerIds,
} from '../../platform/scope/data-scope.js';
import { updateVersioned, type VersionKey } from '../../platform/db/versioned-rows.js';
import { firstRow } from '../../platform/db/row-reads.js';

/** Sort keys map to columns here and nowhere else (security B1). */
export const SORT_COLUMNS = {
  updatedAt: customers.updatedAt,
  createdAt: customers.createdAt,
  name: customers.name,
  customerNo: customers.customerNo,
  /** The API's `daysInStage` sort, reversed: most days in the stage = entered earliest. */
  stageEnteredAt: customers.stageEnteredAt,
} as const;
export type CustomerSortKey = keyof typeof SORT_COLUMNS;

/** A customer's API fields: its own columns of the same name, and the owner's name from the join. */
export const customerColumns = { ...pickColumns(customers, CUSTOMER_FIELDS), ownerName: users.displayName };
type CustomerColumnField = keyof Customer & keyof typeof customers.$inferSelect;
export type CustomerRow = Pick<typeof customers.$inferSelect, CustomerColumnField> & { ownerName: string | null };

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
    return firstRow(
      db
        .select(customerColumns)
        .from(customers)
        .leftJoin(users, ownerJoin)
        .where(and(...conditions)),
    );
  },

  /** Locks the row for the rest of the transaction; answers only within scope. */
  async lockById(
    db: Executor,
    actor: ScopeActor,
    id: string,
  ): Promise<(CustomerRow & { searchTokens: string }) | null> {
    return firstRow(
      db
        .select({ ...customerColumns, searchTokens: customers.searchTokens })
        .from(customers)
        .leftJoin(users, ownerJoin)
        .where(and(ownedRecordScope(actor, customers), eq(customers.id, id)))
        .for('update', { of: customers }),
    );
  },

  async insert(db: Executor, values: typeof customers.$inferInsert | (typeof customers.$inferInsert)[]): Promise<void> {
    await db.insert(customers).values(Array.isArray(values) ? values : [values]);
  },

  /** Many new customers in one statement (imports, the demo seed): plain values, no SQL expressions. */
  async insertMany(db: Executor, rows: readonly (typeof customers.$inferInsert)[]): Promise<void> {
    await insertRowsAsJson(db, customers, rows);
  },

  async setNextCustomerNo(db: Executor, orgId: string, nextValue: number): Promise<void> {
    await db
      .update(orgSequences)
      .set({ nextValue })
      .where(and(eq(orgSequences.orgId, orgId), eq(orgSequences.name, 'customer')));
  },

  /** Applies changes when the version still matches; false when someone else changed it first. */
  update: (db: Executor, key: VersionKey, changes: Partial<typeof customers.$inferInsert>): Promise<boolean> =>
    updateVersioned(db, customers, key, changes),

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
