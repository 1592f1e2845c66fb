import type { Stage } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import type { DomainEvent, EventBus } from '../../platform/events/index.js';
import { RULES, stageAfterOpportunityOpened, stageAfterOrderEvent } from './lifecycle.rules.js';
import { ordersRepository } from './orders.repository.js';
import { getLifecycleSettings } from './settings.service.js';
import { applyStageMove } from './stage-moves.js';
import { transitionsRepository, type StageCustomer } from './transitions.repository.js';

type CustomerEvent = DomainEvent<'opportunity.opened' | 'order.confirmed' | 'order.cancelled'>;

/** Moves the customer by a rule when the rule's target differs and is an active stage. */
async function moveByRule(
  tx: Executor,
  event: CustomerEvent,
  options: { ruleId: string; entityId: string; target: (customer: StageCustomer) => Promise<Stage> },
): Promise<void> {
  const customer = await transitionsRepository.lockCustomer(tx, { orgId: event.orgId, id: event.customerId });
  if (!customer) return;
  const to = await options.target(customer);
  if (to === customer.stage) return;
  const { stages } = await getLifecycleSettings(tx, event.orgId);
  if (!stages.find((s) => s.code === to)?.active) return;
  await applyStageMove(tx, {
    customer,
    to,
    at: event.at,
    actorId: null,
    ruleId: options.ruleId,
    reason: null,
    approverId: null,
    triggeringEvent: event.type,
    triggeringEntityId: options.entityId,
    requestId: null,
    audit: { orgId: event.orgId, userId: event.actorId, ip: null, requestId: null },
  });
}

async function orderStage(
  tx: Executor,
  event: DomainEvent<'order.confirmed' | 'order.cancelled'>,
  customer: StageCustomer,
): Promise<Stage> {
  const key = { orgId: event.orgId, customerId: event.customerId };
  const confirmedCount = await ordersRepository.countConfirmed(tx, key);
  const stageBeforePurchase = (await transitionsRepository.findStageBeforePurchase(tx, key)) ?? 'prospect';
  const kind = event.type === 'order.confirmed' ? 'confirmed' : 'cancelled';
  return stageAfterOrderEvent({ kind, current: customer.stage, confirmedCount, stageBeforePurchase });
}

/**
 * Subscribes the automatic lifecycle rules (domain §2) to the bus. They run inside the
 * publisher's transaction: a rolled-back order leaves no stage change behind.
 */
export function subscribeLifecycleRules(events: EventBus): void {
  // The log starts with the stage a customer was created in.
  events.subscribe('customer.created', async (tx, event) => {
    const customer = await transitionsRepository.lockCustomer(tx, { orgId: event.orgId, id: event.customerId });
    if (!customer) return;
    await transitionsRepository.insertTransition(tx, {
      orgId: event.orgId,
      id: newId(),
      customerId: customer.id,
      fromStage: null,
      toStage: customer.stage,
      at: customer.stageEnteredAt,
      actorId: event.actorId,
      triggeringEvent: event.type,
      triggeringEntityId: customer.id,
    });
  });

  // An import batch: the same first entries, read and written once for the whole batch.
  events.subscribe('customers.imported', async (tx, event) => {
    const created = await transitionsRepository.lockCustomers(tx, { orgId: event.orgId, ids: event.customerIds });
    await transitionsRepository.insertTransitions(
      tx,
      created.map((customer) => ({
        orgId: event.orgId,
        id: newId(),
        customerId: customer.id,
        fromStage: null,
        toStage: customer.stage,
        at: customer.stageEnteredAt,
        actorId: event.actorId,
        triggeringEvent: 'customer.created',
        triggeringEntityId: customer.id,
      })),
    );
  });

  events.subscribe('opportunity.opened', (tx, event) =>
    moveByRule(tx, event, {
      ruleId: RULES.opportunityOpened,
      entityId: event.opportunityId,
      target: async (customer) => stageAfterOpportunityOpened(customer.stage),
    }),
  );

  events.subscribe('order.confirmed', async (tx, event) => {
    const order = { orgId: event.orgId, orderId: event.orderId, customerId: event.customerId, at: event.at };
    if (!(await ordersRepository.recordConfirmed(tx, order))) return;
    await moveByRule(tx, event, {
      ruleId: RULES.orderConfirmed,
      entityId: event.orderId,
      target: (c) => orderStage(tx, event, c),
    });
  });

  events.subscribe('order.cancelled', async (tx, event) => {
    const order = { orgId: event.orgId, orderId: event.orderId, customerId: event.customerId, at: event.at };
    if (!(await ordersRepository.recordCancelled(tx, order))) return;
    await moveByRule(tx, event, {
      ruleId: RULES.orderCancelled,
      entityId: event.orderId,
      target: (c) => orderStage(tx, event, c),
    });
  });
}
