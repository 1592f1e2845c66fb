import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createTasksService } from './tasks.service.js';
import type { ListExports } from '../../platform/export/index.js';
import { TASK_EXPORT_COLUMNS } from './tasks.export.js';

export const tasksRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { tasks: api } = endpoints;
    const tasks = createTasksService({ db });

    registerServiceEndpoints(app, api, tasks, ['list', 'create', 'get', 'update', 'complete', 'delete']);
    listExports.register(app, {
      endpoint: api.export,
      list: (actor, query) => tasks.list(actor, query),
      columns: TASK_EXPORT_COLUMNS,
      title: 'export.tasks',
      entity: 'task',
    });
  };
