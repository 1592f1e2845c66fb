import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createCustomerValueService } from './customer-value.service.js';

/** Profit contribution per customer (domain §5), the customer pyramid and ABC classes (§7). */
export const customerValueRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const values = createCustomerValueService({ db });
    const api = endpoints.customerValue;

    registerEndpoint(app, api.profitContribution, async (request) =>
      values.listContribution(actorOf(request), request.query),
    );
    registerEndpoint(app, api.pyramid, async (request) => values.getPyramid(actorOf(request)));
    registerEndpoint(app, api.forCustomer, async (request) =>
      values.getForCustomer(actorOf(request), request.params.id, request.query),
    );
  };
