import { defineModule } from '../../platform/modules/module-definition.js';
import { savedViewsRoutes } from './saved-views.routes.js';
export { savedViewsRoutes } from './saved-views.routes.js';

export const savedViewsModule = defineModule({ name: 'saved-views', routes: savedViewsRoutes });
