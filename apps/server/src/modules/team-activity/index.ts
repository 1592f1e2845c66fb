import { defineModule } from '../../platform/module-kit/module-definition.js';
import { teamActivityMessages } from './team-activity.messages.js';
import { teamActivityRoutes } from './team-activity.routes.js';
export { createTeamActivityService } from './team-activity.service.js';
export { personInScope } from './team-activity.repository.js';

export const teamActivityModule = defineModule({
  name: 'team-activity',
  messages: teamActivityMessages,
  routes: teamActivityRoutes,
});
