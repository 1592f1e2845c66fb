import { defineModule } from '../../platform/module-kit/module-definition.js';
import { searchRoutes } from './search.routes.js';
export { SEARCH_PROVIDERS, type SearchProvider } from './search.service.js';

export const searchModule = defineModule({ name: 'search', routes: searchRoutes });
