export { tasksRoutes } from './tasks.routes.js';
export { createTasksService } from './tasks.service.js';
export { sendTaskReminders, taskJobs } from './tasks.jobs.js';
export { taskReach, tasksRepository } from './tasks.repository.js';
