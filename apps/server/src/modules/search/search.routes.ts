import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createSearchService } from './search.service.js';

export const searchRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const search = createSearchService({ db });
    registerEndpoint(app, endpoints.search.quick, async (request) => search.search(actorOf(request), request.query), {
      config: { searchRateLimited: 'always' },
    });
  };
