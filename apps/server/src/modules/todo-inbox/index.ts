export { todoInboxRoutes } from './todo-inbox.routes.js';
export { createTodoInboxService } from './todo-inbox.service.js';
