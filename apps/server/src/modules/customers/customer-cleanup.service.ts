import type { BulkCustomerActionBody, BulkCustomerResult, CustomerPage, StaleCustomerQuery } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { translate } from '../../platform/i18n/translate.js';
import { createStageTransitionsService } from '../lifecycle/index.js';
import { createOwnershipService } from '../pools/index.js';
import { listStaleCustomers } from './customers.list.js';

type RowOutcome = 'done' | 'pending';

/**
 * Stale cleanup (domain §2): the stale list and its bulk actions. Each record runs in its own
 * transaction through the module that owns the rule (pools for returns, the lifecycle engine for
 * "lost"), with the caller's scope and rights checked per record (security A6). A record that
 * fails leaves the others as they are, and the answer says exactly which ones changed.
 */
export function createCustomerCleanupService({ db }: { db: Db }) {
  const ownership = createOwnershipService({ db });
  const stages = createStageTransitionsService({ db });

  async function eachRecord(
    actor: Actor,
    ids: string[],
    action: (id: string) => Promise<RowOutcome>,
  ): Promise<BulkCustomerResult> {
    const result: BulkCustomerResult = { done: [], notFound: [], pendingApproval: [], failed: [] };
    for (const id of ids) {
      try {
        if ((await action(id)) === 'pending') result.pendingApproval.push(id);
        else result.done.push(id);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'not_found') result.notFound.push(id);
        else
          result.failed.push({
            id,
            code: error.code,
            message: translate(actor.locale, error.key, error.options.params),
          });
      }
    }
    return result;
  }

  return {
    async listStale(actor: Actor, query: StaleCustomerQuery): Promise<CustomerPage> {
      return listStaleCustomers(db, actor, query);
    },

    /** Each customer goes back to its own pool with the reason (ownership event `return`). */
    async returnToPool(actor: Actor, body: BulkCustomerActionBody): Promise<BulkCustomerResult> {
      const reason = body.reason.trim();
      return eachRecord(actor, body.customerIds, async (id) => {
        await ownership.returnToPool(actor, id, { reason });
        return 'done';
      });
    },

    /** Each customer moves to "lost" through the lifecycle engine; where approval is needed it waits. */
    async markLost(actor: Actor, body: BulkCustomerActionBody): Promise<BulkCustomerResult> {
      return eachRecord(actor, body.customerIds, async (id) => {
        const moved = await stages.move(actor, id, { to: 'lost', reason: body.reason });
        return moved.kind === 'pending' ? 'pending' : 'done';
      });
    },
  };
}
