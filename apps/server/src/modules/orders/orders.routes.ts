import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createOrdersService } from './orders.service.js';
import { createOrderTransitions } from './orders.transitions.js';
import { createOrderPriceGuide } from './orders.price-guide.js';
import type { ListExports } from '../../platform/export/index.js';
import { ORDER_EXPORT_COLUMNS } from './orders.export.js';

export const orderRecordRoutes =
  ({ db, events, listExports }: { db: Db; events: EventBus; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const orders = createOrdersService({ db });
    const transitions = createOrderTransitions({ db, events });
    const { orders: api } = endpoints;

    const priceGuide = createOrderPriceGuide({ db });
    registerServiceEndpoints(app, api, orders, ['list', 'create', 'get', 'update', 'delete']);
    registerEndpoint(app, api.priceGuide, async (request) => priceGuide.guide(actorOf(request), request.body));
    listExports.register(app, {
      endpoint: api.export,
      list: (actor, query) => orders.list(actor, query),
      columns: ORDER_EXPORT_COLUMNS,
      title: 'export.orders',
      entity: 'order',
    });
    registerEndpoint(app, api.submit, async (request) =>
      transitions.submit(actorOf(request), request.params.id, request.body ?? {}),
    );
    registerEndpoint(app, api.confirm, async (request) =>
      transitions.confirm(actorOf(request), request.params.id, request.body ?? {}),
    );
    registerEndpoint(app, api.ship, async (request) =>
      transitions.ship(actorOf(request), request.params.id, request.body ?? {}),
    );
    registerEndpoint(app, api.complete, async (request) =>
      transitions.complete(actorOf(request), request.params.id, request.body ?? {}),
    );
    registerEndpoint(app, api.cancel, async (request) =>
      transitions.cancel(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.creditOverride, async (request) =>
      transitions.requestCreditOverride(actorOf(request), request.params.id, request.body),
    );
  };
