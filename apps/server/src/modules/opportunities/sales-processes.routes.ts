import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createSalesProcessesService } from './sales-processes.service.js';

export const salesProcessesRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { salesProcesses: api } = endpoints;
    const processes = createSalesProcessesService({ db });

    registerServiceEndpoints(app, api, processes, ['list', 'create', 'get']);
    registerEndpoint(app, api.put, async (request) =>
      processes.update(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.delete, async (request) => {
      await processes.delete(actorOf(request), request.params.id);
    });
  };
