export { visitsRoutes } from './visits.routes.js';
