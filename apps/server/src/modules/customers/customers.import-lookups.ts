import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { customers, orgSequences } from '../../platform/db/schema/index.js';
import type { VersionKey } from '../../platform/db/versioned-rows.js';
import { customersRepository } from './customers.repository.js';

/** What the import engine reads and writes of customers in bulk (issue 12); the SQL stays here. */

export type CustomerImportRow = typeof customers.$inferSelect;

/**
 * Customers of the organization that an import batch may match: by external id (trash included,
 * so a deleted record is reported, not created again) and, among live ones, by the exact duplicate
 * keys and the normalized name.
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
  const live: SQL[] = [];
  if (keys.phoneE164s.length > 0) live.push(inArray(customers.phoneE164, keys.phoneE164s));
  if (keys.emails.length > 0) live.push(inArray(customers.emailNormalized, keys.emails));
  if (keys.creditCodes.length > 0) live.push(inArray(customers.creditCode, keys.creditCodes));
  if (keys.names.length > 0) live.push(inArray(customers.nameNormalized, keys.names));
  if (keys.customerNos?.length) live.push(inArray(customers.customerNo, keys.customerNos));
  const matches: SQL[] = [];
  if (keys.externalIds.length > 0) matches.push(inArray(customers.externalId, keys.externalIds));
  if (live.length > 0) matches.push(and(isNull(customers.deletedAt), or(...live))!);
  if (matches.length === 0) return [];
  return db
    .select()
    .from(customers)
    .where(and(eq(customers.orgId, orgId), or(...matches)));
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
