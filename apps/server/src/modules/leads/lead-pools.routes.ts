import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createLeadPoolsService } from './lead-pools.service.js';

export const leadPoolsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const pools = createLeadPoolsService({ db });
    const { leadPools: api } = endpoints;

    registerEndpoint(app, api.list, async (request) => pools.list(actorOf(request)));
    registerEndpoint(app, api.create, async (request) => pools.create(actorOf(request), request.body));
    registerEndpoint(app, api.get, async (request) => pools.get(actorOf(request), request.params.id));
    registerEndpoint(app, api.update, async (request) =>
      pools.update(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.delete, async (request) => pools.delete(actorOf(request), request.params.id));
    registerEndpoint(app, api.listLeads, async (request) =>
      pools.listLeads(actorOf(request), request.params.id, request.query),
    );
  };
