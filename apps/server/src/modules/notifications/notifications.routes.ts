import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createNotificationsService } from './notifications.service.js';

export const notificationsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { notifications: api_notifications, todos: api_todos } = endpoints;
    const service = createNotificationsService({ db });

    registerServiceEndpoints(app, api_notifications, service, ['list', 'unreadCount', 'markRead', 'markAllRead']);

    registerEndpoint(app, api_todos.list, async (request) => service.listTodos(actorOf(request), request.query));

    registerEndpoint(app, api_todos.done, async (request) => {
      await service.markTodoDone(actorOf(request), request.params.id);
    });
  };
