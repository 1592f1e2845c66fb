import { and, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { contacts, customers, users } from '../../platform/db/schema/index.js';
import { ownedRecordScope } from '../../platform/scope/data-scope.js';
import type { ScopeActor } from '../customers/customers.repository.js';

/** Normalized values to look up exactly (domain §4); absent keys are not checked. */
export interface ExactKeys {
  phoneDigits?: string | undefined;
  emailNormalized?: string | undefined;
  creditCode?: string | undefined;
}

/** A record found by the check, before protected fields are withheld. */
export interface CandidateRow {
  id: string;
  name: string;
  customerId: string;
  customerName: string;
  ownerId: string | null;
  ownerName: string | null;
  phone: string | null;
  email: string | null;
  creditCode: string | null;
  phoneDigits: string | null;
  emailNormalized: string | null;
  nameNormalized: string | null;
  /** Inside the caller's data scope. */
  inScope: boolean;
}

/** Similar-name candidates fetched through the bigram GIN index before scoring (bench.md). */
export const NAME_CANDIDATE_LIMIT = 500;

const customerOwner = and(eq(users.orgId, customers.orgId), eq(users.id, customers.ownerId));
const notSelf = (column: typeof customers.id | typeof contacts.id, excludeId: string | undefined): SQL =>
  excludeId ? ne(column, excludeId) : sql`true`;

const customerColumns = (actor: ScopeActor) => ({
  id: customers.id,
  name: customers.name,
  customerId: customers.id,
  customerName: customers.name,
  ownerId: customers.ownerId,
  ownerName: users.displayName,
  phone: customers.phone,
  email: customers.email,
  creditCode: customers.creditCode,
  phoneDigits: customers.phoneDigits,
  emailNormalized: customers.emailNormalized,
  nameNormalized: customers.nameNormalized,
  inScope: sql<boolean>`(${ownedRecordScope(actor, customers)})`,
});

const contactColumns = (actor: ScopeActor) => ({
  ...customerColumns(actor),
  id: contacts.id,
  name: contacts.name,
  phone: contacts.mobile,
  email: contacts.email,
  creditCode: sql<string | null>`null`,
  phoneDigits: contacts.mobileDigits,
  emailNormalized: contacts.emailNormalized,
  nameNormalized: contacts.nameNormalized,
});

/**
 * The duplicate check looks across the whole organization (every owner and the pools): a match
 * must be found even where the caller cannot look. `inScope` tells the service what it may show.
 */
export const duplicatesRepository = {
  async findCustomersByKeys(db: Executor, actor: ScopeActor, keys: ExactKeys, excludeId?: string): Promise<CandidateRow[]> {
    const matches: SQL[] = [];
    if (keys.phoneDigits) matches.push(eq(customers.phoneDigits, keys.phoneDigits));
    if (keys.emailNormalized) matches.push(eq(customers.emailNormalized, keys.emailNormalized));
    if (keys.creditCode) matches.push(eq(customers.creditCode, keys.creditCode));
    if (matches.length === 0) return [];
    return db
      .select(customerColumns(actor))
      .from(customers)
      .leftJoin(users, customerOwner)
      .where(and(eq(customers.orgId, actor.orgId), isNull(customers.deletedAt), notSelf(customers.id, excludeId), or(...matches)))
      .limit(20);
  },

  /** Customers sharing at least one name bigram, capped; the service scores them. */
  async findCustomersByBigrams(db: Executor, actor: ScopeActor, bigrams: string[], excludeId?: string): Promise<CandidateRow[]> {
    if (bigrams.length === 0) return [];
    const list = sql`array[${sql.join(bigrams.map((b) => sql`${b}`), sql`, `)}]::text[]`;
    return db
      .select(customerColumns(actor))
      .from(customers)
      .leftJoin(users, customerOwner)
      .where(
        and(
          eq(customers.orgId, actor.orgId),
          isNull(customers.deletedAt),
          notSelf(customers.id, excludeId),
          sql`${customers.nameBigrams} && ${list}`,
        ),
      )
      .limit(NAME_CANDIDATE_LIMIT);
  },

  async findContactsByKeys(
    db: Executor,
    actor: ScopeActor,
    keys: Pick<ExactKeys, 'phoneDigits' | 'emailNormalized'>,
    excludeId?: string,
  ): Promise<CandidateRow[]> {
    const matches: SQL[] = [];
    if (keys.phoneDigits) matches.push(eq(contacts.mobileDigits, keys.phoneDigits));
    if (keys.emailNormalized) matches.push(eq(contacts.emailNormalized, keys.emailNormalized));
    if (matches.length === 0) return [];
    return db
      .select(contactColumns(actor))
      .from(contacts)
      .innerJoin(customers, and(eq(customers.orgId, contacts.orgId), eq(customers.id, contacts.customerId)))
      .leftJoin(users, customerOwner)
      .where(
        and(
          eq(contacts.orgId, actor.orgId),
          isNull(contacts.deletedAt),
          isNull(customers.deletedAt),
          notSelf(contacts.id, excludeId),
          or(...matches),
        ),
      )
      .limit(20);
  },

  /** Contacts of one customer with the same normalized name. */
  async findContactsByName(
    db: Executor,
    actor: ScopeActor,
    options: { customerId: string; nameNormalized: string; excludeId?: string | undefined },
  ): Promise<CandidateRow[]> {
    return db
      .select(contactColumns(actor))
      .from(contacts)
      .innerJoin(customers, and(eq(customers.orgId, contacts.orgId), eq(customers.id, contacts.customerId)))
      .leftJoin(users, customerOwner)
      .where(
        and(
          eq(contacts.orgId, actor.orgId),
          eq(contacts.customerId, options.customerId),
          isNull(contacts.deletedAt),
          notSelf(contacts.id, options.excludeId),
          eq(contacts.nameNormalized, options.nameNormalized),
        ),
      )
      .limit(20);
  },

  /**
   * Serializes concurrent writes of the same phone / email / credit code within the transaction,
   * so two simultaneous creates cannot both pass the check. Keys are sorted to avoid deadlocks.
   */
  async lockKeys(db: Executor, orgId: string, keys: string[]): Promise<void> {
    for (const key of [...new Set(keys)].sort()) {
      await queryRows(db, sql`select pg_advisory_xact_lock(hashtextextended(${`duplicate:${orgId}:${key}`}, 0))`);
    }
  },
};
