import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createVisitsService } from './visits.service.js';

export const visitsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { visits: api } = endpoints;
    const visits = createVisitsService({ db });
    registerServiceEndpoints(app, api, visits, ['checkIn', 'list', 'weekly']);
  };
