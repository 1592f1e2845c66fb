import { defineModule } from '../../platform/module-kit/module-definition.js';
import { todoInboxRoutes } from './todo-inbox.routes.js';
export { createTodoInboxService } from './todo-inbox.service.js';

export const todoInboxModule = defineModule({ name: 'todo-inbox', routes: todoInboxRoutes });
