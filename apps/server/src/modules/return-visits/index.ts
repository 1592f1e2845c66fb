import { defineModule } from '../../platform/module-kit/module-definition.js';
import { subscribeReturnVisits } from './return-visits.events.js';
import { returnVisitsMessages } from './return-visits.messages.js';
import { returnVisitsRoutes } from './return-visits.routes.js';
import { seedDemoReturnVisits } from './return-visits.demo.js';

/** The to-do inbox's "return visits due" section. */
export { findReturnVisitsDue } from './return-visits.inbox.js';

/** Return visits (回访, issue 15): scheduled after completed orders and closed complaints, handled by service. */
export const returnVisitsModule = defineModule({
  name: 'return-visits',
  messages: returnVisitsMessages,
  routes: returnVisitsRoutes,
  subscribe: subscribeReturnVisits,
  demoSeed: { after: ['orders'], seed: seedDemoReturnVisits },
});
