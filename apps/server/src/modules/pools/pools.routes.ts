import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createPoolCustomersService } from './pool-customers.service.js';
import { createPoolsService } from './pools.service.js';

export const poolsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const pools = createPoolsService({ db });
    const poolCustomers = createPoolCustomersService({ db });
    const { customerPools: api } = endpoints;

    registerEndpoint(app, api.list, async (request) => pools.list(actorOf(request)));
    registerEndpoint(app, api.create, async (request) => pools.create(actorOf(request), request.body));
    registerEndpoint(app, api.get, async (request) => pools.get(actorOf(request), request.params.id));
    registerEndpoint(app, api.update, async (request) =>
      pools.update(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.listCustomers, async (request) =>
      poolCustomers.list(actorOf(request), request.params.id, request.query),
    );
  };
