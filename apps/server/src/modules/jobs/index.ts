export { jobsRoutes } from './jobs.routes.js';
export { createJobCatalog } from './job-catalog.js';
