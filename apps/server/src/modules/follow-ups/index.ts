import { defineModule } from '../../platform/module-kit/module-definition.js';
import { followUpsMessages } from './follow-ups.messages.js';
import { seedDemoFollowUps } from './demo-follow-ups.js';
import { followUpsRoutes } from './follow-ups.routes.js';
import { recentFollowUpsOf } from './follow-ups.recent.js';
export { insertFollowUp, type CreateFollowUpOptions } from './follow-ups.service.js';
export { findFollowUpImportMatches, type ImportMatchedFollowUp } from './follow-ups.import.js';
export { DEFAULT_FOLLOW_UP_TYPES, VISIT_FOLLOW_UP_TYPE, getFollowUpTypes } from './follow-up-types.js';

export const followUpsModule = defineModule({
  name: 'follow-ups',
  messages: followUpsMessages,
  routes: followUpsRoutes,
  // Lent to the stage-move approval card (lifecycle), which cannot import this module.
  approvalFacts: { recentFollowUps: recentFollowUpsOf },
  demoSeed: { seed: (tx, demo) => seedDemoFollowUps(tx, { orgId: demo.orgId, customers: demo.dealCustomers }) },
});
