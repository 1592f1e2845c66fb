import { newId } from '../../platform/db/ids.js';
import { createEventBus } from '../../platform/events/index.js';
import { usePersonas } from '../../test/file-context.js';
import { subscribeLifecycleRules } from './index.js';

const DAY = 86_400_000;

/**
 * The file's context and personas with the lifecycle rules listening on an event bus, for the job
 * tests: `later(n)` is n days after the file started, and `confirmOrder` publishes the event the
 * orders module publishes when an order is confirmed.
 */
export function useLifecycleRules(options: { customersEach: number }) {
  const { ctx, p } = usePersonas(options);
  const bus = createEventBus();
  subscribeLifecycleRules(bus);
  const start = new Date();
  const later = (days: number) => new Date(start.getTime() + days * DAY);
  const confirmOrder = (customerId: string, at: Date) =>
    ctx.database.db.transaction((tx) =>
      bus.publish(tx, { type: 'order.confirmed', orgId: p.orgId, customerId, orderId: newId(), actorId: null, at }),
    );
  return { ctx, p, start, later, confirmOrder };
}
