import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createLeadAssignmentService } from './leads.assignment.js';
import { createLeadConversionService } from './leads.conversion.js';
import { createLeadsService } from './leads.service.js';
import type { ListExports } from '../../platform/export/index.js';
import { LEAD_EXPORT_COLUMNS } from './leads.export.js';
import { dictionaryLabels } from '../dictionaries/index.js';

export const leadsRoutes =
  ({ db, events, listExports }: { db: Db; events: EventBus; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const leads = createLeadsService({ db });
    const assignment = createLeadAssignmentService({ db });
    const conversion = createLeadConversionService({ db, events });
    const { leads: api } = endpoints;

    registerEndpoint(app, api.list, async (request) => leads.list(actorOf(request), request.query), {
      config: { searchRateLimited: 'withQuery' },
    });
    registerEndpoint(app, api.create, async (request) => leads.create(actorOf(request), request.body));
    registerEndpoint(app, api.assign, async (request) => assignment.assign(actorOf(request), request.body));
    registerServiceEndpoints(app, api, leads, ['get', 'update', 'delete', 'restore']);
    listExports.register(app, {
      endpoint: api.export,
      list: (actor, query) => leads.list(actor, query),
      columns: LEAD_EXPORT_COLUMNS,
      title: 'export.leads',
      entity: 'lead',
      labels: (actor) => dictionaryLabels(db, actor.orgId, actor.locale),
    });
    registerEndpoint(app, api.claim, async (request) => assignment.claim(actorOf(request), request.params.id));
    registerEndpoint(app, api.convert, async (request) =>
      conversion.convert(actorOf(request), request.params.id, request.body),
    );
  };
