import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createTodoInboxService } from './todo-inbox.service.js';

export const todoInboxRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { todoInbox: api } = endpoints;
    const inbox = createTodoInboxService({ db });
    // Every signed-in user has an inbox; sections needing a permission appear only with it.
    registerEndpoint(app, api.get, async (request) => inbox.get(actorOf(request), request.query));
  };
