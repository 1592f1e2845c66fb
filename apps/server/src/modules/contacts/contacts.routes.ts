import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createContactsService } from './contacts.service.js';
import type { ListExports } from '../../platform/export/index.js';
import { CONTACT_EXPORT_COLUMNS } from './contacts.export.js';

export const contactsRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const contacts = createContactsService({ db });
    const { contacts: api } = endpoints;
    registerEndpoint(app, api.list, async (request) => contacts.list(actorOf(request), request.query), {
      config: { searchRateLimited: 'withQuery' },
    });
    registerServiceEndpoints(app, api, contacts, ['listForCustomer', 'create', 'get', 'update', 'delete', 'restore']);
    listExports.register(app, {
      endpoint: api.export,
      list: (actor, query) => contacts.list(actor, query),
      columns: CONTACT_EXPORT_COLUMNS,
      title: 'export.contacts',
      entity: 'contact',
    });
  };
