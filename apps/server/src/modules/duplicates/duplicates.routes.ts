import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createDuplicatesService } from './duplicates.service.js';

export const duplicatesRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const duplicates = createDuplicatesService({ db });
    registerEndpoint(
      app,
      endpoints.duplicates.find,
      async (request) => duplicates.find(actorOf(request), request.query),
      {
        config: { searchRateLimited: 'always' },
      },
    );
  };
