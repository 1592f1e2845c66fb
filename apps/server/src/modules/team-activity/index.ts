export { teamActivityRoutes } from './team-activity.routes.js';
export { createTeamActivityService } from './team-activity.service.js';
export { personInScope, teamActivityRepository } from './team-activity.repository.js';
