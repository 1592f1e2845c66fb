import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createOpportunityProgressService } from './opportunities.progress.js';
import { createOpportunitiesService } from './opportunities.service.js';
import { createPipelineService } from './pipeline.service.js';
import type { ListExports } from '../../platform/export/index.js';
import { OPPORTUNITY_EXPORT_COLUMNS } from './opportunities.export.js';

export const opportunitiesRoutes =
  ({ db, events, listExports }: { db: Db; events: EventBus; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { opportunities: api } = endpoints;
    const opportunities = createOpportunitiesService({ db, events });
    const progress = createOpportunityProgressService({ db, events });
    const pipeline = createPipelineService({ db });

    registerEndpoint(app, api.list, async (request) => opportunities.list(actorOf(request), request.query));
    listExports.register(app, {
      endpoint: api.export,
      list: (actor, query) => opportunities.list(actor, query),
      columns: OPPORTUNITY_EXPORT_COLUMNS,
      title: 'export.opportunities',
      entity: 'opportunity',
    });
    registerEndpoint(app, api.pipeline, async (request) => pipeline.get(actorOf(request), request.query));
    registerServiceEndpoints(app, api, opportunities, ['create', 'get', 'update', 'delete', 'restore']);
    registerServiceEndpoints(app, api, progress, ['moveStage', 'win', 'lose', 'invalidate']);
    registerEndpoint(app, api.history, async (request) => opportunities.history(actorOf(request), request.params.id));
    registerEndpoint(app, api.decisionChain, async (request) =>
      progress.getDecisionChain(actorOf(request), request.params.id),
    );
    registerEndpoint(app, api.putDecisionChain, async (request) =>
      progress.putDecisionChain(actorOf(request), request.params.id, request.body),
    );
  };
