import { defineModule } from '../../platform/module-kit/module-definition.js';
import { tasksMessages } from './tasks.messages.js';
import { tasksRoutes } from './tasks.routes.js';
import { taskJobs } from './tasks.jobs.js';
export { openTasksHandover } from './tasks.handover.js';
export { createTasksService } from './tasks.service.js';
export { sendTaskReminders } from './tasks.jobs.js';
export { taskReach } from './tasks.repository.js';
export { findTasksDueForAssignee } from './tasks.lookups.js';
/** Tasks a rule creates in the caller's transaction (stage default tasks, first-order return visits). */
export { createSystemTasks, type SystemTask } from './tasks.system.js';

export const tasksModule = defineModule({
  name: 'tasks',
  messages: tasksMessages,
  routes: tasksRoutes,
  jobs: taskJobs,
});
