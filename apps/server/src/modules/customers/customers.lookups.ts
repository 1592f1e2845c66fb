import type { Executor } from '../../platform/db/client.js';
import type { customers } from '../../platform/db/schema/index.js';
import type { ScopeActor } from '../../platform/scope/data-scope.js';
import { customersRepository, type CustomerRow } from './customers.repository.js';

/** What other modules read and write of customers; the repository stays this module's own. */

/** A customer the actor may see (team members included), or null; deleted ones count as absent. */
export function findReadableCustomer(db: Executor, actor: ScopeActor, id: string): Promise<CustomerRow | null> {
  return customersRepository.getById(db, actor, id);
}

/** A customer the actor may write, locked for the rest of the caller's transaction; null outside scope. */
export function lockWritableCustomer(db: Executor, actor: ScopeActor, id: string) {
  return customersRepository.lockById(db, actor, id);
}

/** Whether the actor may make this user the owner of a record. */
export function isAssignableOwner(db: Executor, actor: ScopeActor, ownerId: string): Promise<boolean> {
  return customersRepository.isAssignableOwner(db, actor, ownerId);
}

/**
 * Bulk insert of prepared rows (imports, the demo seed), derived columns already set with
 * `customerDerivedValues` (plain values, no SQL expressions).
 */
export function insertCustomerRows(db: Executor, rows: (typeof customers.$inferInsert)[]): Promise<void> {
  return customersRepository.insertMany(db, rows);
}

/** The next customer number after a bulk insert that numbered its rows itself. */
export function setNextCustomerNo(db: Executor, orgId: string, nextValue: number): Promise<void> {
  return customersRepository.setNextCustomerNo(db, orgId, nextValue);
}
