import { defineModule } from '../../platform/module-kit/module-definition.js';
import { notificationsMessages } from './notifications.messages.js';
import { notificationsRoutes } from './notifications.routes.js';
export { notifyUsers, notifyEach, createTodos, completeTodos } from './notify.js';
export type { NotifyUsersOptions, CreateTodosOptions } from './notify.js';

export const notificationsModule = defineModule({
  name: 'notifications',
  messages: notificationsMessages,
  routes: notificationsRoutes,
});
