import type { Executor } from '../../platform/db/client.js';
import { ownershipRepository } from './ownership.repository.js';

/**
 * The customers a leaving user owns, for the hand-over (issue 13). The hand-over moves them with the
 * ownership service's `assignWithin` / `returnWithin`, so each move is an ordinary ownership event.
 */
export const ownedCustomers = {
  count: (db: Executor, key: { orgId: string; userId: string }) => ownershipRepository.countOwnedBy(db, key),
  find: (db: Executor, key: { orgId: string; userId: string; limit?: number }) =>
    ownershipRepository.findOwnedBy(db, key),
};
