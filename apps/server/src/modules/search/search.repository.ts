import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { contacts, customers, users } from '../../platform/db/schema/index.js';
import { ownedRecordScope, type ScopeActor } from '../../platform/scope/data-scope.js';

export interface CustomerHitRow {
  id: string;
  customerNo: string;
  kind: string;
  name: string;
  stage: string;
  phone: string | null;
  ownerId: string | null;
  ownerName: string | null;
  updatedAt: Date;
}

export interface ContactHitRow {
  id: string;
  name: string;
  title: string | null;
  mobile: string | null;
  customerId: string;
  customerName: string;
  updatedAt: Date;
}

/**
 * Quick-search reads: a capped candidate set straight from the GIN token index, within scope;
 * the service ranks it (bench.md: search first, then sort — never sort the whole match set).
 */
export const searchRepository = {
  async findCustomerCandidates(
    db: Executor,
    actor: ScopeActor,
    tsquery: string,
    cap: number,
  ): Promise<CustomerHitRow[]> {
    return db
      .select({
        id: customers.id,
        customerNo: customers.customerNo,
        kind: customers.kind,
        name: customers.name,
        stage: customers.stage,
        phone: customers.phone,
        ownerId: customers.ownerId,
        ownerName: users.displayName,
        updatedAt: customers.updatedAt,
      })
      .from(customers)
      .leftJoin(users, and(eq(users.orgId, customers.orgId), eq(users.id, customers.ownerId)))
      .where(
        and(
          ownedRecordScope(actor, customers),
          isNull(customers.deletedAt),
          sql`${customers.searchTokens} @@ ${tsquery}::tsquery`,
        ),
      )
      .limit(cap);
  },

  /** Contacts follow their customer's scope (security A3). */
  async findContactCandidates(db: Executor, actor: ScopeActor, tsquery: string, cap: number): Promise<ContactHitRow[]> {
    return db
      .select({
        id: contacts.id,
        name: contacts.name,
        title: contacts.title,
        mobile: contacts.mobile,
        customerId: contacts.customerId,
        customerName: customers.name,
        updatedAt: contacts.updatedAt,
      })
      .from(contacts)
      .innerJoin(customers, and(eq(customers.orgId, contacts.orgId), eq(customers.id, contacts.customerId)))
      .where(
        and(
          eq(contacts.orgId, actor.orgId),
          ownedRecordScope(actor, customers),
          isNull(customers.deletedAt),
          isNull(contacts.deletedAt),
          sql`${contacts.searchTokens} @@ ${tsquery}::tsquery`,
        ),
      )
      .limit(cap);
  },
};
