import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { customerCleanupRoutes } from './customer-cleanup.routes.js';
import { customerBulkRoutes } from './customer-bulk.routes.js';
import { createCustomersService } from './customers.service.js';
import { CUSTOMER_EXPORT_COLUMNS } from './customers.export.js';
import type { ListExports } from '../../platform/export/index.js';
import { dictionaryLabels } from '../dictionaries/index.js';
import { customFieldExportColumns } from '../custom-fields/index.js';

export const customersRoutes =
  ({ db, events, listExports }: { db: Db; events: EventBus; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const customers = createCustomersService({ db, events });
    const { customers: api } = endpoints;
    await app.register(customerCleanupRoutes({ db }));
    await app.register(customerBulkRoutes({ db, events }));

    registerEndpoint(app, api.list, async (request) => customers.list(actorOf(request), request.query), {
      config: { searchRateLimited: 'withQuery' },
    });
    listExports.register(app, {
      endpoint: api.export,
      list: (actor, query) => customers.listFileRows(actor, query),
      columns: CUSTOMER_EXPORT_COLUMNS,
      moreColumns: (actor) => customFieldExportColumns(db, actor, 'customer'),
      title: 'export.customers',
      entity: 'customer',
      labels: (actor) => dictionaryLabels(db, actor.orgId, actor.locale),
    });
    registerServiceEndpoints(app, api, customers, ['create', 'get', 'update', 'delete', 'restore']);
  };
