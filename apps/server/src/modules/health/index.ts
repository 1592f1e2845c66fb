import { defineModule } from '../../platform/module-kit/module-definition.js';
import { healthRoutes } from './health.routes.js';

/** Liveness and readiness (`/health`). */
export const healthModule = defineModule({ name: 'health', routes: healthRoutes });
