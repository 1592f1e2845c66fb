export { teamActivityRoutes } from './team-activity.routes.js';
export { createTeamActivityService } from './team-activity.service.js';
export { personInScope, teamActivityRepository, type ScopeActor } from './team-activity.repository.js';
