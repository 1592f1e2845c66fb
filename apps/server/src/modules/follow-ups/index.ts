export { followUpsRoutes } from './follow-ups.routes.js';
export { insertFollowUp } from './follow-ups.service.js';
export { VISIT_FOLLOW_UP_TYPE } from './follow-up-types.js';
export { seedDemoFollowUps } from './demo-follow-ups.js';
