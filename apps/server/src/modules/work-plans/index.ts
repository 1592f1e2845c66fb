import { defineModule } from '../../platform/module-kit/module-definition.js';
import { workPlansMessages } from './work-plans.messages.js';
import { workPlansRoutes } from './work-plans.routes.js';
export { createWorkPlansService } from './work-plans.service.js';
export { readablePlans } from './work-plans.repository.js';
export { countPlansToReview, findPlansToReview } from './work-plans.lookups.js';
export { matchPlanItems } from './plan-matching.js';

export const workPlansModule = defineModule({
  name: 'work-plans',
  messages: workPlansMessages,
  routes: workPlansRoutes,
});
