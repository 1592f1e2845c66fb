import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createSalesProcessesService } from './sales-processes.service.js';

export const salesProcessesRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { salesProcesses: api } = endpoints;
    const processes = createSalesProcessesService({ db });

    registerEndpoint(app, api.list, async (request) => processes.list(actorOf(request)));
    registerEndpoint(app, api.create, async (request) => processes.create(actorOf(request), request.body));
    registerEndpoint(app, api.get, async (request) => processes.get(actorOf(request), request.params.id));
    registerEndpoint(app, api.put, async (request) =>
      processes.update(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.delete, async (request) => {
      await processes.delete(actorOf(request), request.params.id);
    });
  };
