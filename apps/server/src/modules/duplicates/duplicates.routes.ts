import { DuplicateQuery, DuplicateResult, ErrorBody } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createDuplicatesService } from './duplicates.service.js';

export const duplicatesRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const duplicates = createDuplicatesService({ db });
    app.get(
      '/duplicates',
      {
        config: { permission: 'customers.view', searchRateLimited: 'always' },
        schema: {
          tags: ['duplicates'],
          querystring: DuplicateQuery,
          response: { 200: DuplicateResult, 400: ErrorBody },
        },
      },
      async (request) => duplicates.find(actorOf(request), request.query),
    );
  };
