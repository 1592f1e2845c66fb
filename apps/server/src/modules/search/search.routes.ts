import { ErrorBody, QuickSearchQuery, QuickSearchResult } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createSearchService } from './search.service.js';

export const searchRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const search = createSearchService({ db });
    app.get(
      '/search',
      {
        config: { permission: 'customers.view', searchRateLimited: 'always' },
        schema: {
          tags: ['search'],
          querystring: QuickSearchQuery,
          response: { 200: QuickSearchResult, 400: ErrorBody },
        },
      },
      async (request) => search.search(actorOf(request), request.query),
    );
  };
