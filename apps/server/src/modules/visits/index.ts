import { defineModule } from '../../platform/module-kit/module-definition.js';
import { visitsMessages } from './visits.messages.js';
import { visitsRoutes } from './visits.routes.js';

export const visitsModule = defineModule({ name: 'visits', messages: visitsMessages, routes: visitsRoutes });
