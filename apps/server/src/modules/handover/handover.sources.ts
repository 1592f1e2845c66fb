import type { HandoverGroup, HandoverItem } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import { pendingApprovalsHandover } from '../approvals/index.js';
import { heldLeadsHandover } from '../leads/index.js';
import { openOpportunitiesHandover } from '../opportunities/index.js';
import { openOrdersHandover } from '../orders/index.js';
import { createOwnershipService, ownedCustomers } from '../pools/index.js';
import { openTasksHandover } from '../tasks/index.js';

/** The reason every hand-over move carries (ownership events, audit rows). */
export const HANDOVER_REASON = 'handover';

export interface HandoverMove {
  ids: readonly string[];
  fromUserId: string;
  toUserId: string;
  reason: string;
}

/**
 * One group of what a leaving user holds, as its own module counts, lists and moves it. Records
 * are moved one at a time where the owning module's move takes one (customers), so a failure names
 * the record.
 */
export interface HandoverSource {
  count(db: Executor, key: { orgId: string; userId: string }): Promise<number>;
  find(db: Executor, key: { orgId: string; userId: string; limit?: number }): Promise<HandoverItem[]>;
  moveTo(tx: Tx, actor: Actor, move: HandoverMove): Promise<number>;
  returnToPool?(tx: Tx, actor: Actor, move: Omit<HandoverMove, 'toUserId'>): Promise<number>;
}

/** The sources, in the wizard's order. Customers move through the pools module's ownership service. */
export function handoverSources(
  ownership: ReturnType<typeof createOwnershipService>,
): Record<HandoverGroup, HandoverSource> {
  return {
    customers: {
      ...ownedCustomers,
      async moveTo(tx, actor, move) {
        for (const id of move.ids)
          await ownership.assignWithin(tx, actor, { id, userId: move.toUserId, reason: move.reason });
        return move.ids.length;
      },
      async returnToPool(tx, actor, move) {
        for (const id of move.ids) await ownership.returnWithin(tx, actor, { id, reason: move.reason });
        return move.ids.length;
      },
    },
    leads: heldLeadsHandover,
    opportunities: openOpportunitiesHandover,
    orders: openOrdersHandover,
    tasks: openTasksHandover,
    approvals: pendingApprovalsHandover,
  };
}
