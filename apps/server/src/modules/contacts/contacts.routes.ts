import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createContactsService } from './contacts.service.js';

export const contactsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const contacts = createContactsService({ db });
    const { contacts: api } = endpoints;
    registerEndpoint(app, api.list, async (request) => contacts.list(actorOf(request), request.query), {
      config: { searchRateLimited: 'withQuery' },
    });
    registerEndpoint(app, api.listForCustomer, async (request) =>
      contacts.listForCustomer(actorOf(request), request.params.id),
    );
    registerEndpoint(app, api.create, async (request) => contacts.create(actorOf(request), request.body));
    registerEndpoint(app, api.get, async (request) => contacts.get(actorOf(request), request.params.id));
    registerEndpoint(app, api.update, async (request) =>
      contacts.update(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.delete, async (request) => contacts.delete(actorOf(request), request.params.id));
    registerEndpoint(app, api.restore, async (request) => contacts.restore(actorOf(request), request.params.id));
  };
