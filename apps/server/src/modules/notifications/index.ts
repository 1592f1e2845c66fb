export { notificationsRoutes } from './notifications.routes.js';
export { notifyUsers, notifyEach, createTodos, completeTodos } from './notify.js';
export type { NotifyUsersOptions, CreateTodosOptions } from './notify.js';
