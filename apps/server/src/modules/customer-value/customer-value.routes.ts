import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { reportRows, type ListExports } from '../../platform/export/index.js';
import { PROFIT_CONTRIBUTION_EXPORT_COLUMNS, PYRAMID_EXPORT_COLUMNS, pyramidRows } from './customer-value.export.js';
import { createCustomerValueService } from './customer-value.service.js';

/** Profit contribution per customer (domain §5), the customer pyramid and ABC classes (§7). */
export const customerValueRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const values = createCustomerValueService({ db });
    const api = endpoints.customerValue;

    registerEndpoint(app, api.profitContribution, async (request) =>
      values.listContribution(actorOf(request), request.query),
    );
    registerEndpoint(app, api.pyramid, async (request) => values.getPyramid(actorOf(request)));
    registerEndpoint(app, api.pyramidMembers, async (request) =>
      values.listPyramidMembers(actorOf(request), request.query),
    );
    listExports.register(app, {
      endpoint: api.exportProfitContribution,
      list: (actor, query) => values.listContribution(actor, query),
      columns: PROFIT_CONTRIBUTION_EXPORT_COLUMNS,
      title: 'export.profitContribution',
      entity: 'customer',
    });
    listExports.register(app, {
      endpoint: api.exportPyramid,
      list: reportRows(async (actor) => pyramidRows(await values.getPyramid(actor))),
      columns: PYRAMID_EXPORT_COLUMNS,
      title: 'export.customerPyramid',
      entity: 'customer',
    });
    registerEndpoint(app, api.rfm, async (request) => values.getRfmMatrix(actorOf(request)));
    registerEndpoint(app, api.forCustomer, async (request) =>
      values.getForCustomer(actorOf(request), request.params.id, request.query),
    );
  };
