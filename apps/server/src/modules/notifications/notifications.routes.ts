import {
  ErrorBody,
  IdParams,
  NotificationListQuery,
  NotificationPage,
  TodoListQuery,
  TodoPage,
  UnreadCount,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createNotificationsService } from './notifications.service.js';

const errors = { 400: ErrorBody, 404: ErrorBody };
const noContent = { 204: Type.Null(), ...errors };
// Every signed-in user has a notification centre and a to-do list; each sees only their own.
const own = { permission: 'authenticated' as const };

export const notificationsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const service = createNotificationsService({ db });
    const tags = ['notifications'];

    app.get(
      '/notifications',
      {
        config: own,
        schema: { tags, querystring: NotificationListQuery, response: { 200: NotificationPage, ...errors } },
      },
      async (request) => service.list(actorOf(request), request.query),
    );

    app.get(
      '/notifications/unread-count',
      { config: own, schema: { tags, response: { 200: UnreadCount, ...errors } } },
      async (request) => service.unreadCount(actorOf(request)),
    );

    app.post(
      '/notifications/:id/read',
      { config: own, schema: { tags, params: IdParams, response: noContent } },
      async (request, reply) => {
        await service.markRead(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/notifications/read-all',
      { config: own, schema: { tags, response: noContent } },
      async (request, reply) => {
        await service.markAllRead(actorOf(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/todos',
      { config: own, schema: { tags: ['todos'], querystring: TodoListQuery, response: { 200: TodoPage, ...errors } } },
      async (request) => service.listTodos(actorOf(request), request.query),
    );

    app.post(
      '/todos/:id/done',
      { config: own, schema: { tags: ['todos'], params: IdParams, response: noContent } },
      async (request, reply) => {
        await service.markTodoDone(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
