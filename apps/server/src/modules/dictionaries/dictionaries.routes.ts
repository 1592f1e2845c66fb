import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createDictionariesService } from './dictionaries.service.js';

/** The organization's dictionaries: sources, industries, customer levels. */
export const dictionariesRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const dictionaries = createDictionariesService({ db });
    const api = endpoints.dictionaries;
    registerEndpoint(app, api.list, async (request) => dictionaries.list(actorOf(request)));
    registerEndpoint(app, api.create, async (request) =>
      dictionaries.create(actorOf(request), { kind: request.params.kind, body: request.body }),
    );
    registerEndpoint(app, api.update, async (request) =>
      dictionaries.update(actorOf(request), { ...request.params, body: request.body }),
    );
    registerEndpoint(app, api.reorder, async (request) =>
      dictionaries.reorder(actorOf(request), { kind: request.params.kind, body: request.body }),
    );
  };
