import { defineModule } from '../../platform/modules/module-definition.js';
import { visitsRoutes } from './visits.routes.js';

export const visitsModule = defineModule({ name: 'visits', routes: visitsRoutes });
