export { workPlansRoutes } from './work-plans.routes.js';
export { createWorkPlansService } from './work-plans.service.js';
export { readablePlans, workPlansRepository } from './work-plans.repository.js';
export { matchPlanItems } from './plan-matching.js';
