import { defineModule } from '../../platform/module-kit/module-definition.js';
import { backupJob } from './backup.job.js';

export { BACKUP_JOB } from './backup.job.js';

/** Organization exports (admin screen) and the daily PGlite backup job. */
export const archiveModule = defineModule({
  name: 'archive',
  jobs: () => [backupJob],
});
