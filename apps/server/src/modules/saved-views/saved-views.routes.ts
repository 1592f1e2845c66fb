import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createSavedViewsService } from './saved-views.service.js';
import { createListPreferencesService } from './list-preferences.service.js';

/** Saved list views and a user's list column choice; `customers` is the only list so far, so its view right guards them. */
export const savedViewsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const views = createSavedViewsService({ db });
    const { savedViews: api } = endpoints;

    registerEndpoint(app, api.list, async (request) => views.list(actorOf(request), request.query.module));
    registerServiceEndpoints(app, api, views, ['create', 'delete']);

    const preferences = createListPreferencesService({ db });
    registerEndpoint(app, api.getCustomerColumns, async (request) => preferences.getCustomerColumns(actorOf(request)));
    registerEndpoint(app, api.setCustomerColumns, async (request) =>
      preferences.setCustomerColumns(actorOf(request), request.body),
    );
  };
