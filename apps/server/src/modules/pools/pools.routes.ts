import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createPoolCustomersService } from './pool-customers.service.js';
import { createPoolsService } from './pools.service.js';
import type { ListExports } from '../../platform/export/index.js';
import { POOL_CUSTOMER_EXPORT_COLUMNS } from './pool-customers.export.js';
import { dictionaryLabels } from '../dictionaries/index.js';

export const poolsRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const pools = createPoolsService({ db });
    const poolCustomers = createPoolCustomersService({ db });
    const { customerPools: api } = endpoints;

    registerServiceEndpoints(app, api, pools, ['list', 'create', 'get', 'update']);
    registerEndpoint(app, api.listCustomers, async (request) =>
      poolCustomers.list(actorOf(request), request.params.id, request.query),
    );
    listExports.register(app, {
      endpoint: api.exportCustomers,
      list: (actor, { poolId, ...page }) => poolCustomers.list(actor, poolId, page),
      columns: POOL_CUSTOMER_EXPORT_COLUMNS,
      title: 'export.poolCustomers',
      entity: 'customer_pool',
      labels: (actor) => dictionaryLabels(db, actor.orgId, actor.locale),
    });
  };
