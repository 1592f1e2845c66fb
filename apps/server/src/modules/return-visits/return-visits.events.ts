import type { EventBus } from '../../platform/events/index.js';
import { scheduleReturnVisit } from './return-visits.values.js';

/**
 * A completed order and a closed complaint each schedule a return visit for customer service, in
 * the publisher's transaction, audited as the triggering user's.
 */
export function subscribeReturnVisits(events: EventBus): void {
  events.subscribe('order.completed', async (tx, event) => {
    await scheduleReturnVisit(
      tx,
      { orgId: event.orgId, userId: event.actorId, ip: null, requestId: null },
      { customerId: event.customerId, at: event.at, source: 'order_completed', orderId: event.orderId },
    );
  });
  events.subscribe('complaint.closed', async (tx, event) => {
    await scheduleReturnVisit(
      tx,
      { orgId: event.orgId, userId: event.actorId, ip: null, requestId: null },
      { customerId: event.customerId, at: event.at, source: 'complaint_closed', complaintId: event.complaintId },
    );
  });
}
