import { and, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { customers } from '../../platform/db/schema/index.js';
import { ownedRecordScope, type ScopeActor } from '../../platform/scope/data-scope.js';

/** A customer as an import row names it: by external id, customer number or name. */
export interface CustomerReference {
  id: string;
  name: string;
  customerNo: string;
  externalId: string | null;
  ownerId: string | null;
}

/**
 * Live customers the actor may write (owned-record scope, as an order or a follow-up needs) that
 * carry one of the external ids or customer numbers, or one of the names (compared trimmed and
 * case-insensitively). Out-of-scope customers are simply absent, so a row naming one reads "not found".
 */
export async function findCustomerReferences(
  db: Executor,
  actor: ScopeActor,
  refs: { externalIds?: readonly string[]; customerNos?: readonly string[]; names?: readonly string[] },
): Promise<CustomerReference[]> {
  const externalIds = [...new Set(refs.externalIds ?? [])];
  const customerNos = [...new Set(refs.customerNos ?? [])];
  const names = [...new Set((refs.names ?? []).map((n) => n.trim().toLowerCase()))];
  const matches: SQL[] = [];
  if (externalIds.length > 0) matches.push(inArray(customers.externalId, externalIds));
  if (customerNos.length > 0) matches.push(inArray(customers.customerNo, customerNos));
  if (names.length > 0) matches.push(inArray(sql`lower(btrim(${customers.name}))`, names));
  if (matches.length === 0) return [];
  return db
    .select({
      id: customers.id,
      name: customers.name,
      customerNo: customers.customerNo,
      externalId: customers.externalId,
      ownerId: customers.ownerId,
    })
    .from(customers)
    .where(and(ownedRecordScope(actor, customers), isNull(customers.deletedAt), or(...matches)));
}
