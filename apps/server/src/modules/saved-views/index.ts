import { defineModule } from '../../platform/module-kit/module-definition.js';
import { savedViewsMessages } from './saved-views.messages.js';
import { savedViewsRoutes } from './saved-views.routes.js';

export const savedViewsModule = defineModule({
  name: 'saved-views',
  messages: savedViewsMessages,
  routes: savedViewsRoutes,
});
