import { CONTACT_FIELDS, type Contact } from '@guanxi/contract';
import { and, asc, desc, eq, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { contacts, customers } from '../../platform/db/schema/index.js';
import { pickColumns } from '../../platform/db/shapes.js';
import type { Cursor } from '../../platform/pagination.js';
import { ownedRecordScope, type ScopeActor } from '../../platform/scope/data-scope.js';
import { versionedWrites } from '../../platform/db/versioned-rows.js';
import { keysetAfter, splitSortValues } from '../../platform/db/keyset.js';
import { firstRow } from '../../platform/db/row-reads.js';

/** A contact's API fields: its own columns of the same name, and its customer's name from the join. */
const row = { ...pickColumns(contacts, CONTACT_FIELDS), customerName: customers.name };
type ContactColumnField = keyof Contact & keyof typeof contacts.$inferSelect;
export type ContactRow = Pick<typeof contacts.$inferSelect, ContactColumnField> & { customerName: string };

export interface ContactFilters {
  customerId?: string | undefined;
  isDecisionMaker?: boolean | undefined;
  /** A tsquery literal from platform/search. */
  searchQuery?: string | undefined;
  deleted?: boolean | undefined;
}

const customerJoin = and(eq(customers.orgId, contacts.orgId), eq(customers.id, contacts.customerId));

/** A contact is visible exactly when its live customer is (security A3). */
const visible = (actor: ScopeActor): SQL =>
  and(eq(contacts.orgId, actor.orgId), ownedRecordScope(actor, customers), isNull(customers.deletedAt))!;

/** All SQL of the contacts module; every read is limited by the parent customer's scope. */
export const contactsRepository = {
  async findPage(
    db: Executor,
    actor: ScopeActor,
    options: { filters: ContactFilters; cursor: Cursor | null; limit: number },
  ): Promise<{ rows: ContactRow[]; sortValues: (string | null)[] }> {
    const { filters } = options;
    const conditions: SQL[] = [visible(actor)];
    conditions.push(filters.deleted ? isNotNull(contacts.deletedAt) : isNull(contacts.deletedAt));
    if (filters.customerId) conditions.push(eq(contacts.customerId, filters.customerId));
    if (filters.isDecisionMaker !== undefined) conditions.push(eq(contacts.isDecisionMaker, filters.isDecisionMaker));
    if (filters.searchQuery) conditions.push(sql`${contacts.searchTokens} @@ ${filters.searchQuery}::tsquery`);
    if (options.cursor) {
      const { updatedAt: sort, id } = contacts;
      conditions.push(keysetAfter({ sort, id, cursor: options.cursor, cast: 'timestamptz', descending: true }));
    }
    const rows = await db
      .select({ ...row, sortValue: sql<string>`${contacts.updatedAt}::text` })
      .from(contacts)
      .innerJoin(customers, customerJoin)
      .where(and(...conditions))
      .orderBy(desc(contacts.updatedAt), desc(contacts.id))
      .limit(options.limit);
    return splitSortValues(rows);
  },

  /** The live contacts of one (visible) customer: primary first, then in the order added. */
  async findByCustomer(db: Executor, actor: ScopeActor, customerId: string, limit: number): Promise<ContactRow[]> {
    return db
      .select(row)
      .from(contacts)
      .innerJoin(customers, customerJoin)
      .where(and(visible(actor), eq(contacts.customerId, customerId), isNull(contacts.deletedAt)))
      .orderBy(desc(contacts.isPrimary), asc(contacts.createdAt), asc(contacts.id))
      .limit(limit);
  },

  async getById(
    db: Executor,
    actor: ScopeActor,
    id: string,
    options: { includeDeleted?: boolean } = {},
  ): Promise<ContactRow | null> {
    const conditions = [visible(actor), eq(contacts.id, id)];
    if (!options.includeDeleted) conditions.push(isNull(contacts.deletedAt));
    return firstRow(
      db
        .select(row)
        .from(contacts)
        .innerJoin(customers, customerJoin)
        .where(and(...conditions)),
    );
  },

  /** Locks the contact row for the rest of the transaction; answers only within scope. */
  async lockById(db: Executor, actor: ScopeActor, id: string): Promise<ContactRow | null> {
    return firstRow(
      db
        .select(row)
        .from(contacts)
        .innerJoin(customers, customerJoin)
        .where(and(visible(actor), eq(contacts.id, id)))
        .for('update', { of: contacts }),
    );
  },

  ...versionedWrites(contacts),

  /** The customer's live primary contact other than `exceptId`, if any. */
  async getPrimaryId(db: Executor, orgId: string, customerId: string, exceptId?: string): Promise<string | null> {
    const rows = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(
          eq(contacts.orgId, orgId),
          eq(contacts.customerId, customerId),
          eq(contacts.isPrimary, true),
          isNull(contacts.deletedAt),
          exceptId ? ne(contacts.id, exceptId) : sql`true`,
        ),
      );
    return rows[0]?.id ?? null;
  },

  /** The contact that becomes primary when the primary leaves: the earliest added. */
  async getFirstLiveId(db: Executor, orgId: string, customerId: string, exceptId: string): Promise<string | null> {
    const rows = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(
          eq(contacts.orgId, orgId),
          eq(contacts.customerId, customerId),
          isNull(contacts.deletedAt),
          ne(contacts.id, exceptId),
        ),
      )
      .orderBy(asc(contacts.createdAt), asc(contacts.id))
      .limit(1);
    return rows[0]?.id ?? null;
  },

  /** A live contact of the customer with this name (trimmed, case-insensitive), if any. */
  async findIdByName(db: Executor, orgId: string, customerId: string, name: string): Promise<string | null> {
    const rows = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(
          eq(contacts.orgId, orgId),
          eq(contacts.customerId, customerId),
          isNull(contacts.deletedAt),
          sql`lower(btrim(${contacts.name})) = ${name.trim().toLowerCase()}`,
        ),
      )
      .limit(1);
    return rows[0]?.id ?? null;
  },

  /** Sets the primary flag alone (a new version, so a form open on the old one reloads). */
  async setPrimary(db: Executor, orgId: string, id: string, isPrimary: boolean): Promise<void> {
    await db
      .update(contacts)
      .set({ isPrimary, updatedAt: sql`now()`, version: sql`${contacts.version} + 1` })
      .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)));
  },
};
