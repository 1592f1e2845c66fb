import { defineModule } from '../../platform/module-kit/module-definition.js';
import { followUpsMessages } from './follow-ups.messages.js';
import { seedDemoFollowUps } from './demo-follow-ups.js';
import { followUpsRoutes } from './follow-ups.routes.js';
export { insertFollowUp } from './follow-ups.service.js';
export { VISIT_FOLLOW_UP_TYPE } from './follow-up-types.js';

export const followUpsModule = defineModule({
  name: 'follow-ups',
  messages: followUpsMessages,
  routes: followUpsRoutes,
  demoSeed: { seed: (tx, demo) => seedDemoFollowUps(tx, { orgId: demo.orgId, customers: demo.dealCustomers }) },
});
