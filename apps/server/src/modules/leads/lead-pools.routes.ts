import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createLeadPoolsService } from './lead-pools.service.js';

export const leadPoolsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const pools = createLeadPoolsService({ db });
    const { leadPools: api } = endpoints;

    registerServiceEndpoints(app, api, pools, ['list', 'create', 'get', 'update', 'delete', 'listLeads']);
  };
