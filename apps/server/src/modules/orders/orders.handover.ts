import { and, eq, isNull, notInArray } from 'drizzle-orm';
import { orders } from '../../platform/db/schema/index.js';
import { heldRecordsHandover, type HolderKey } from '../../platform/handover/held-records.js';

/** Open orders (neither completed nor cancelled) credited to the user. */
const openOrdersOf = (key: HolderKey) =>
  and(
    eq(orders.orgId, key.orgId),
    eq(orders.ownerId, key.userId),
    notInArray(orders.status, ['completed', 'cancelled']),
    isNull(orders.deletedAt),
  );

/** A leaving user's open orders for the hand-over (issue 13): count, list, move with audit. */
export const openOrdersHandover = heldRecordsHandover({
  table: orders,
  id: orders.id,
  version: orders.version,
  label: orders.orderNo,
  holder: 'ownerId',
  entity: 'order',
  held: openOrdersOf,
});
