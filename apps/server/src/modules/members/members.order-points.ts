import type { Executor } from '../../platform/db/client.js';
import type { DomainEvent, EventBus } from '../../platform/events/index.js';
import { orderAmount } from '../orders/index.js';
import { applyPoints } from './members.points.js';
import { membersRepository } from './members.repository.js';

/** 1 point (and 1 growth point) per whole yuan of a confirmed order (domain §7); other currencies earn none. */
export const pointsForOrder = (totalFen: number, currency: string): number =>
  currency === 'CNY' ? Math.floor(totalFen / 100) : 0;

const systemAudit = (event: { orgId: string; actorId: string | null }) => ({
  orgId: event.orgId,
  userId: event.actorId,
  ip: null,
  requestId: null,
});

/** A member customer's confirmed order earns points, once per order (the ledger's unique key). */
async function earnOnConfirmed(tx: Executor, event: DomainEvent<'order.confirmed'>): Promise<void> {
  const member = await membersRepository.lock(tx, event.orgId, { customerId: event.customerId });
  if (!member) return;
  if (await membersRepository.ledgerOfOrder(tx, event.orgId, event.orderId, 'earn')) return;
  const order = await orderAmount(tx, { orgId: event.orgId, orderId: event.orderId });
  const points = order ? pointsForOrder(order.totalFen, order.currency) : 0;
  if (points <= 0) return;
  await applyPoints(tx, systemAudit(event), member, {
    kind: 'earn',
    points,
    growth: points,
    orderId: event.orderId,
    reason: order!.orderNo,
    at: event.at,
  });
}

/**
 * A cancelled order takes back what it earned: all its growth points, and as many spendable points
 * as are left (points already redeemed are not clawed back below zero).
 */
async function deductOnCancelled(tx: Executor, event: DomainEvent<'order.cancelled'>): Promise<void> {
  const earned = await membersRepository.ledgerOfOrder(tx, event.orgId, event.orderId, 'earn');
  if (!earned) return;
  const member = await membersRepository.lock(tx, event.orgId, { id: earned.memberId });
  if (!member) return;
  await applyPoints(tx, systemAudit(event), member, {
    kind: 'deduct',
    points: -Math.min(earned.points, member.pointsBalance),
    growth: -earned.growth,
    orderId: event.orderId,
    reason: earned.reason,
  });
}

export function subscribeOrderPoints(events: EventBus): void {
  events.subscribe('order.confirmed', earnOnConfirmed);
  events.subscribe('order.cancelled', deductOnCancelled);
}
