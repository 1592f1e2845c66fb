import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { opportunitiesRoutes as opportunityRecordRoutes } from './opportunities.routes.js';
import { salesProcessesRoutes } from './sales-processes.routes.js';
import { competitionRoutes } from './competition.routes.js';
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { opportunitiesMessages } from './opportunities.messages.js';
import { seedDemoOpportunities } from './opportunities.demo.js';
import { subscribeOrderWins } from './opportunities.order-wins.js';
import type { ListExports } from '../../platform/export/index.js';

/** Opportunities (商机) with their sales processes, board moves, decision chain, competitors, loss reasons and weighted pipeline. */
const opportunitiesRoutes =
  ({ db, events, listExports }: { db: Db; events: EventBus; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(salesProcessesRoutes({ db }));
    await app.register(competitionRoutes({ db }));
    await app.register(opportunityRecordRoutes({ db, events, listExports }));
  };
export { openOpportunitiesHandover } from './opportunities.handover.js';
export { findReadableOpportunity } from './opportunities.lookups.js';

export const opportunitiesModule = defineModule({
  name: 'opportunities',
  messages: opportunitiesMessages,
  routes: opportunitiesRoutes,
  subscribe: subscribeOrderWins,
  demoSeed: { seed: (tx, demo) => seedDemoOpportunities(tx, { orgId: demo.orgId, customers: demo.dealCustomers }) },
});
