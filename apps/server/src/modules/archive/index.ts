import { defineModule } from '../../platform/module-kit/module-definition.js';
import { archiveMessages } from './archive.messages.js';
import { backupJob } from './backup.job.js';
import { organizationExportsRoutes } from './organization-exports.routes.js';

export { BACKUP_JOB } from './backup.job.js';

/** Exports of all of an organization's data (admin screen) and the daily PGlite backup job. */
export const archiveModule = defineModule({
  name: 'archive',
  messages: archiveMessages,
  routes: organizationExportsRoutes,
  jobs: () => [backupJob],
});
