import { and, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { contacts, customers, users } from '../../platform/db/schema/index.js';
import { ownedRecordScope, type ScopeActor } from '../../platform/scope/data-scope.js';
import type { OverlapPlan } from './name-candidates.js';

/** Normalized values to look up exactly (domain §4); absent keys are not checked. */
export interface ExactKeys {
  /** The phone's E.164 form (`normalizePhone`). */
  phoneE164?: string | undefined;
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
  phoneE164: string | null;
  emailNormalized: string | null;
  nameNormalized: string | null;
  /** Inside the caller's data scope. */
  inScope: boolean;
}

/** Planner statistics of `customers.name_bigrams`: share of rows holding each common bigram. */
export interface BigramStatistics {
  frequencies: Map<string, number>;
  /** The smallest listed share: a bigram not listed is at most this common. */
  minFrequency: number;
  rows: number;
}

/** Similar names read per query; the service shows the best ten of them. */
const SIMILAR_NAME_LIMIT = 50;

/** Ids of live customers holding each probe bigram, at most its limit per bigram. */
function probeIds(actor: ScopeActor, plan: OverlapPlan): SQL {
  const lookups = plan.probe.map(
    ({ bigram, limit }) => sql`(select p.id from customers p
        where p.org_id = ${actor.orgId} and p.deleted_at is null and p.name_bigrams @> array[${bigram}]::text[] limit ${limit})`,
  );
  return sql.join(lookups, sql` union all `);
}

const textArray = (values: readonly string[]): SQL =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

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
  phoneE164: customers.phoneE164,
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
  phoneE164: contacts.mobileE164,
  emailNormalized: contacts.emailNormalized,
  nameNormalized: contacts.nameNormalized,
});

/** Customers with their owner's name, as candidates of the check. */
const selectCustomerCandidates = (db: Executor, actor: ScopeActor) =>
  db.select(customerColumns(actor)).from(customers).leftJoin(users, customerOwner);

/** Live customers of the organization other than the one being edited, matching `conditions`. */
const liveCustomersWhere = (actor: ScopeActor, excludeId: string | undefined, ...conditions: SQL[]) =>
  and(eq(customers.orgId, actor.orgId), isNull(customers.deletedAt), notSelf(customers.id, excludeId), ...conditions);

/**
 * The duplicate check looks across the whole organization (every owner and the pools): a match
 * must be found even where the caller cannot look. `inScope` tells the service what it may show.
 */
export const duplicatesRepository = {
  async findCustomersByKeys(
    db: Executor,
    actor: ScopeActor,
    keys: ExactKeys,
    excludeId?: string,
  ): Promise<CandidateRow[]> {
    const matches: SQL[] = [];
    if (keys.phoneE164) matches.push(eq(customers.phoneE164, keys.phoneE164));
    if (keys.emailNormalized) matches.push(eq(customers.emailNormalized, keys.emailNormalized));
    if (keys.creditCode) matches.push(eq(customers.creditCode, keys.creditCode));
    if (matches.length === 0) return [];
    return selectCustomerCandidates(db, actor)
      .where(liveCustomersWhere(actor, excludeId, or(...matches)!))
      .limit(20);
  },

  /**
   * Customers whose bigram overlap with the plan's name reaches its threshold, best first. The GIN
   * index answers one lookup per probe bigram, each cut at its row budget; the exact overlap is
   * then checked in SQL with the same integer rule as `isSimilarName`.
   */
  async findCustomersByOverlap(
    db: Executor,
    actor: ScopeActor,
    plan: OverlapPlan,
    excludeId?: string,
  ): Promise<CandidateRow[]> {
    const all = textArray(plan.bigrams);
    const size = sql`cardinality(${customers.nameBigrams})`;
    const shared = sql`(select count(*) from unnest(${customers.nameBigrams}) as g where g = any(${all}))`;
    return selectCustomerCandidates(db, actor)
      .where(
        liveCustomersWhere(
          actor,
          excludeId,
          sql`${customers.id} = any(array(${probeIds(actor, plan)}))`,
          sql`${size} between ${plan.minSize} and ${plan.maxSize}`,
          sql`200 * ${shared} >= ${plan.percent} * (${plan.bigrams.length} + ${size})`,
        ),
      )
      .orderBy(sql`${shared}::float / (${plan.bigrams.length} + ${size}) desc`, customers.id)
      .limit(SIMILAR_NAME_LIMIT);
  },

  /** Customers whose normalized name is one of `names` (the substrings of the checked name). */
  async findCustomersByNormalizedNames(
    db: Executor,
    actor: ScopeActor,
    names: string[],
    excludeId?: string,
  ): Promise<CandidateRow[]> {
    if (names.length === 0) return [];
    return selectCustomerCandidates(db, actor)
      .where(liveCustomersWhere(actor, excludeId, sql`${customers.nameNormalized} = any(${textArray(names)})`))
      .orderBy(sql`length(${customers.nameNormalized}) desc`, customers.id)
      .limit(SIMILAR_NAME_LIMIT);
  },

  /** Customers whose normalized name contains `normalized` (all its bigrams, then the exact text). */
  async findCustomersContainingName(
    db: Executor,
    actor: ScopeActor,
    options: { normalized: string; bigrams: string[]; excludeId?: string | undefined },
  ): Promise<CandidateRow[]> {
    if (options.bigrams.length === 0) return [];
    return selectCustomerCandidates(db, actor)
      .where(
        liveCustomersWhere(
          actor,
          options.excludeId,
          sql`${customers.nameBigrams} @> ${textArray(options.bigrams)}`,
          sql`strpos(${customers.nameNormalized}, ${options.normalized}) > 0`,
        ),
      )
      .limit(SIMILAR_NAME_LIMIT);
  },

  /**
   * How common each name bigram is, from the planner's statistics (ANALYZE keeps the most common
   * elements of `name_bigrams`). Missing statistics only make the overlap probe less selective.
   */
  async nameBigramFrequencies(db: Executor): Promise<BigramStatistics> {
    const rows = await queryRows<{ elems: string[] | null; freqs: number[] | null; tuples: number | null }>(
      db,
      sql`select s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs as freqs,
                 (select greatest(c.reltuples, 0) from pg_class c where c.oid = 'customers'::regclass) as tuples
            from pg_stats s
           where s.schemaname = current_schema() and s.tablename = 'customers' and s.attname = 'name_bigrams'`,
    );
    const row = rows[0];
    const elems = row?.elems ?? [];
    const freqs = (row?.freqs ?? []).map(Number);
    // After the element frequencies come their minimum, maximum and the null frequency (pg_stats docs).
    const frequencies = new Map(elems.map((elem, i) => [elem, freqs[i] ?? 0]));
    return { frequencies, minFrequency: freqs[elems.length] ?? 0, rows: Number(row?.tuples ?? 0) };
  },

  async findContactsByKeys(
    db: Executor,
    actor: ScopeActor,
    keys: Pick<ExactKeys, 'phoneE164' | 'emailNormalized'>,
    excludeId?: string,
  ): Promise<CandidateRow[]> {
    const matches: SQL[] = [];
    if (keys.phoneE164) matches.push(eq(contacts.mobileE164, keys.phoneE164));
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
