import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createVisitsService } from './visits.service.js';

export const visitsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { visits: api } = endpoints;
    const visits = createVisitsService({ db });
    registerEndpoint(app, api.checkIn, async (request) => visits.checkIn(actorOf(request), request.body));
    registerEndpoint(app, api.list, async (request) => visits.list(actorOf(request), request.query));
    registerEndpoint(app, api.weekly, async (request) => visits.weekly(actorOf(request), request.query));
  };
