import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createReturnVisitsService } from './return-visits.service.js';

export const returnVisitsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const service = createReturnVisitsService({ db });
    registerServiceEndpoints(app, endpoints.returnVisits, service, [
      'list',
      'create',
      'getSettings',
      'putSettings',
      'get',
      'update',
      'record',
      'cancel',
    ]);
  };
