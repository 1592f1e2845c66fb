import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/db/ids.js';
import type { EventBus } from '../../platform/events/index.js';
import { opportunitiesRepository } from './opportunities.repository.js';
import { auditedState } from './opportunities.values.js';

/**
 * Confirming an order that names an opportunity wins it (issue 14 §7): the deal is done when finance
 * confirms what was sold, so nobody has to remember to close the opportunity by hand. An opportunity
 * already closed (won earlier, or lost after the order was entered) is left as it is.
 */
export function subscribeOrderWins(events: EventBus): void {
  events.subscribe('order.confirmed', async (tx, event) => {
    if (!event.opportunityId) return;
    const before = await opportunitiesRepository.lockLinked(tx, event.orgId, event.opportunityId);
    if (!before || before.status !== 'open') return;
    const changes = { status: 'won', closeReason: null, closedAt: event.at, closedBy: event.actorId };
    await opportunitiesRepository.update(tx, { orgId: event.orgId, id: before.id, version: before.version }, changes);
    await opportunitiesRepository.insertStageChange(tx, {
      orgId: event.orgId,
      id: newId(),
      opportunityId: before.id,
      fromStageId: before.stageId,
      toStageId: before.stageId,
      fromStatus: 'open',
      toStatus: 'won',
      actorId: event.actorId,
      at: event.at,
    });
    await recordAudit(
      tx,
      { orgId: event.orgId, userId: event.actorId, ip: null, requestId: null },
      {
        action: 'won',
        entity: 'opportunity',
        entityId: before.id,
        before: auditedState(before),
        after: { ...auditedState(before), status: 'won', version: before.version + 1, wonByOrderId: event.orderId },
      },
    );
    await events.publish(tx, {
      type: 'opportunity.won',
      orgId: event.orgId,
      customerId: before.customerId,
      opportunityId: before.id,
      amountFen: before.amountFen,
      currency: before.currency,
      actorId: event.actorId,
      at: event.at,
    });
  });
}
