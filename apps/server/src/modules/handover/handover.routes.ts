import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createHandoverService } from './handover.service.js';

export const handoverRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    registerServiceEndpoints(app, endpoints.handover, createHandoverService({ db }), ['candidates', 'summary', 'run']);
  };
