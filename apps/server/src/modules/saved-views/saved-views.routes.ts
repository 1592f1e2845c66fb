import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createSavedViewsService } from './saved-views.service.js';

/** Saved list views; `customers` is the only module so far, so its view right guards them. */
export const savedViewsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const views = createSavedViewsService({ db });
    const { savedViews: api } = endpoints;

    registerEndpoint(app, api.list, async (request) => views.list(actorOf(request), request.query.module));
    registerEndpoint(app, api.create, async (request) => views.create(actorOf(request), request.body));
    registerEndpoint(app, api.delete, async (request) => views.delete(actorOf(request), request.params.id));
  };
