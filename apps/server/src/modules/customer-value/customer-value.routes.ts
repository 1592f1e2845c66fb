import {
  CustomerPyramid,
  CustomerValue,
  CustomerValueQuery,
  ErrorBody,
  IdParams,
  ProfitContributionPage,
  ProfitContributionQuery,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createCustomerValueService } from './customer-value.service.js';

const tags = ['customer-value'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** Profit contribution per customer (domain §5), the customer pyramid and ABC classes (§7). */
export const customerValueRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const values = createCustomerValueService({ db });

    app.get(
      '/reports/profit-contribution',
      {
        config: { permission: 'finance.view' },
        schema: { tags, querystring: ProfitContributionQuery, response: { 200: ProfitContributionPage, ...errors } },
      },
      async (request) => values.listContribution(actorOf(request), request.query),
    );
    app.get(
      '/reports/customer-pyramid',
      {
        config: { permission: 'finance.view' },
        schema: { tags, response: { 200: CustomerPyramid, ...errors } },
      },
      async (request) => values.getPyramid(actorOf(request)),
    );
    app.get(
      '/customers/:id/value',
      {
        config: { permission: 'orders.view' },
        schema: {
          tags,
          params: IdParams,
          querystring: CustomerValueQuery,
          response: { 200: CustomerValue, ...errors },
        },
      },
      async (request) => values.getForCustomer(actorOf(request), request.params.id, request.query),
    );
  };
