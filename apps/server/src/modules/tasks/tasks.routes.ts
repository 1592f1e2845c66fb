import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createTasksService } from './tasks.service.js';

export const tasksRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { tasks: api } = endpoints;
    const tasks = createTasksService({ db });

    registerServiceEndpoints(app, api, tasks, ['list', 'create', 'get', 'update', 'complete', 'delete']);
  };
