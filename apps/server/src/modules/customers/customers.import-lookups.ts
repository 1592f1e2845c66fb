import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.js';
import { customers, orgSequences } from '../../platform/db/schema/index.js';
import type { VersionKey } from '../../platform/db/versioned-rows.js';
import { idsWithKeys } from '../../platform/db/key-probe.js';
import { customersRepository } from './customers.repository.js';

/** What the import engine reads and writes of customers in bulk (issue 12); the SQL stays here. */

export type CustomerImportRow = typeof customers.$inferSelect;

/**
 * Customers of the organization that an import batch may match: by external id (trash included,
 * so a deleted record is reported, not created again) and, among live ones, by the exact duplicate
 * keys and the normalized name. One query per kind of key, each key one index probe (`idsWithKeys`):
 * a single query OR-ing them made the planner try to prove every partial index's `deleted_at is
 * null` against each listed value (hundreds of ms of planning per batch on PGlite).
 */
export async function findCustomersForImport(
  db: Executor,
  orgId: string,
  keys: {
    externalIds: string[];
    phoneE164s: string[];
    emails: string[];
    creditCodes: string[];
    names: string[];
    customerNos?: string[];
  },
): Promise<CustomerImportRow[]> {
  const lookups: SQL[] = [];
  const probe = (key: AnyPgColumn, values: string[] | undefined, liveOnly?: SQL) => {
    if (values?.length)
      lookups.push(idsWithKeys(customers, { id: customers.id, orgId: customers.orgId, key }, orgId, values, liveOnly));
  };
  probe(customers.externalId, keys.externalIds);
  const live = isNull(customers.deletedAt);
  probe(customers.phoneE164, keys.phoneE164s, live);
  probe(customers.emailNormalized, keys.emails, live);
  probe(customers.creditCode, keys.creditCodes, live);
  probe(customers.nameNormalized, keys.names, live);
  probe(customers.customerNo, keys.customerNos, live);
  const found = new Map<string, CustomerImportRow>();
  for (const lookup of lookups) {
    const rows = await db
      .select()
      .from(customers)
      .where(and(eq(customers.orgId, orgId), lookup));
    for (const row of rows) found.set(row.id, row);
  }
  return [...found.values()];
}

/** Reserves `count` consecutive customer numbers in one statement. */
export async function reserveCustomerNos(db: Executor, orgId: string, count: number): Promise<string[]> {
  if (count === 0) return [];
  const rows = await db
    .update(orgSequences)
    .set({ nextValue: sql`${orgSequences.nextValue} + ${count}` })
    .where(and(eq(orgSequences.orgId, orgId), eq(orgSequences.name, 'customer')))
    .returning({ prefix: orgSequences.prefix, first: sql<number>`${orgSequences.nextValue} - ${count}` });
  const sequence = rows[0];
  if (!sequence) throw new Error(`customer sequence missing for org ${orgId}`);
  return Array.from(
    { length: count },
    (_, i) => `${sequence.prefix}${String(Number(sequence.first) + i).padStart(6, '0')}`,
  );
}

/** Applies an import's changes when the version still matches; false when someone changed it first. */
export function updateCustomerForImport(
  db: Executor,
  key: VersionKey,
  changes: Partial<typeof customers.$inferInsert>,
): Promise<boolean> {
  return customersRepository.update(db, key, changes);
}
