import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createTasksService } from './tasks.service.js';

export const tasksRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { tasks: api } = endpoints;
    const tasks = createTasksService({ db });

    registerEndpoint(app, api.list, async (request) => tasks.list(actorOf(request), request.query));
    registerEndpoint(app, api.create, async (request) => tasks.create(actorOf(request), request.body));
    registerEndpoint(app, api.get, async (request) => tasks.get(actorOf(request), request.params.id));
    registerEndpoint(app, api.update, async (request) =>
      tasks.update(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.complete, async (request) => tasks.complete(actorOf(request), request.params.id));
    registerEndpoint(app, api.delete, async (request) => {
      await tasks.delete(actorOf(request), request.params.id);
    });
  };
