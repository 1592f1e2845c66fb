export { searchRoutes } from './search.routes.js';
export { SEARCH_PROVIDERS, type SearchProvider } from './search.service.js';
