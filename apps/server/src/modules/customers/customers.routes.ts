import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { customerCleanupRoutes } from './customer-cleanup.routes.js';
import { createCustomersService } from './customers.service.js';

export const customersRoutes =
  ({ db, events }: { db: Db; events: EventBus }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const customers = createCustomersService({ db, events });
    const { customers: api } = endpoints;
    await app.register(customerCleanupRoutes({ db }));

    registerEndpoint(app, api.list, async (request) => customers.list(actorOf(request), request.query), {
      config: { searchRateLimited: 'withQuery' },
    });
    registerServiceEndpoints(app, api, customers, ['create', 'get', 'update', 'delete', 'restore']);
  };
