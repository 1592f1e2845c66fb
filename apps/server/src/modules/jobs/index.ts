import { defineModule } from '../../platform/module-kit/module-definition.js';
import { jobsMessages } from './jobs.messages.js';
import { analyzeBusinessTables } from '../../platform/db/maintenance.js';
import { nightlyGlobalJob } from '../../platform/jobs/job-registry.js';
import { jobsRoutes } from './jobs.routes.js';

/** The admin view of every module's durable jobs; it owns the installation-wide database upkeep. */
export const jobsModule = defineModule({
  name: 'jobs',
  messages: jobsMessages,
  routes: jobsRoutes,
  // VACUUM/ANALYZE works on whole tables, never on one organization's rows.
  jobs: () => [{ ...nightlyGlobalJob('maintenance.analyze', '04:00', analyzeBusinessTables), installationWide: true }],
});
