import { defineModule } from '../../platform/module-kit/module-definition.js';
import { visitsRoutes } from './visits.routes.js';

export const visitsModule = defineModule({ name: 'visits', routes: visitsRoutes });
