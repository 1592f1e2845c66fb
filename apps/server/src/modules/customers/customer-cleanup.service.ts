import type {
  BulkCustomerActionBody,
  BulkCustomerResult,
  BulkReturnToPoolBody,
  CustomerPage,
  StaleCustomerQuery,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { createStageTransitionsService } from '../lifecycle/index.js';
import { createOwnershipService } from '../pools/index.js';
import { listStaleCustomers } from './customers.list.js';
import { eachCustomer } from './customer-bulk-results.js';

/**
 * Stale cleanup (domain §2): the stale list and its bulk actions. Each record runs in its own
 * transaction through the module that owns the rule (pools for returns, the lifecycle engine for
 * "lost"), with the caller's scope and rights checked per record (security A6). A record that
 * fails leaves the others as they are, and the answer says exactly which ones changed.
 */
export function createCustomerCleanupService({ db }: { db: Db }) {
  const ownership = createOwnershipService({ db });
  const stages = createStageTransitionsService({ db });

  return {
    async listStale(actor: Actor, query: StaleCustomerQuery): Promise<CustomerPage> {
      return listStaleCustomers(db, actor, query);
    },

    /** Each customer goes back to its own pool (or the chosen one) with the reason (ownership event `return`). */
    async returnToPool(actor: Actor, body: BulkReturnToPoolBody): Promise<BulkCustomerResult> {
      const reason = body.reason.trim();
      return eachCustomer(actor, body.customerIds, async (id) => {
        await ownership.returnToPool(actor, id, { reason, poolId: body.poolId });
        return 'done';
      });
    },

    /** Each customer moves to "lost" through the lifecycle engine; where approval is needed it waits. */
    async markLost(actor: Actor, body: BulkCustomerActionBody): Promise<BulkCustomerResult> {
      return eachCustomer(actor, body.customerIds, async (id) => {
        const moved = await stages.move(actor, id, { to: 'lost', reason: body.reason });
        return moved.kind === 'pending' ? 'pending' : 'done';
      });
    },
  };
}
