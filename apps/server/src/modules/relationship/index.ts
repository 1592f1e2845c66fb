import type { EventBus } from '../../platform/events/index.js';
import { nightlyGlobalJob } from '../../platform/jobs/job-registry.js';
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { computeRelationshipPhases, recomputeCustomerPhase } from './phase-computation.js';
import { relationshipMessages } from './relationship.messages.js';
import { relationshipRoutes } from './relationship.routes.js';

/** Nightly job function; the jobs module schedules it as a durable job. */
export { computeRelationshipPhases, DECLINE_KIND } from './phase-computation.js';

/**
 * An order confirmed or cancelled changes the purchase rhythm at once: a declining customer that
 * buys again leaves decline (and counts as won back) without waiting for the night. Subscribed
 * after the lifecycle module, whose handler records the order this one reads.
 */
function subscribeRelationshipPhase(events: EventBus): void {
  for (const type of ['order.confirmed', 'order.cancelled'] as const) {
    events.subscribe(type, async (tx, event) =>
      recomputeCustomerPhase(tx, {
        orgId: event.orgId,
        customerId: event.customerId,
        // An imported order carries its historical time; the phase is always as of today.
        now: new Date(Math.max(event.at.getTime(), Date.now())),
      }),
    );
  }
}

export const relationshipModule = defineModule({
  name: 'relationship',
  messages: relationshipMessages,
  routes: relationshipRoutes,
  subscribe: subscribeRelationshipPhase,
  jobs: () => [nightlyGlobalJob('lifecycle.relationshipPhases', '03:30', computeRelationshipPhases)],
  // The demo's phases on first start, from its order history (declining customers alert their owners).
  demoSeed: {
    after: ['orders', 'payments'],
    seed: (tx, { orgId }) => computeRelationshipPhases(tx, new Date(), orgId).then(() => undefined),
  },
});
