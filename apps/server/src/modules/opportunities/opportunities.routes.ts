import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createOpportunityProgressService } from './opportunities.progress.js';
import { createOpportunitiesService } from './opportunities.service.js';
import { createPipelineService } from './pipeline.service.js';

export const opportunitiesRoutes =
  ({ db, events }: { db: Db; events: EventBus }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { opportunities: api } = endpoints;
    const opportunities = createOpportunitiesService({ db, events });
    const progress = createOpportunityProgressService({ db, events });
    const pipeline = createPipelineService({ db });

    registerEndpoint(app, api.list, async (request) => opportunities.list(actorOf(request), request.query));
    registerEndpoint(app, api.pipeline, async (request) => pipeline.get(actorOf(request), request.query));
    registerEndpoint(app, api.create, async (request) => opportunities.create(actorOf(request), request.body));
    registerEndpoint(app, api.get, async (request) => opportunities.get(actorOf(request), request.params.id));
    registerEndpoint(app, api.update, async (request) =>
      opportunities.update(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.delete, async (request) => {
      await opportunities.delete(actorOf(request), request.params.id);
    });
    registerEndpoint(app, api.restore, async (request) => opportunities.restore(actorOf(request), request.params.id));
    registerEndpoint(app, api.moveStage, async (request) =>
      progress.moveStage(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.win, async (request) => progress.win(actorOf(request), request.params.id, request.body));
    registerEndpoint(app, api.lose, async (request) =>
      progress.lose(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.invalidate, async (request) =>
      progress.invalidate(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.history, async (request) => opportunities.history(actorOf(request), request.params.id));
    registerEndpoint(app, api.decisionChain, async (request) =>
      progress.getDecisionChain(actorOf(request), request.params.id),
    );
    registerEndpoint(app, api.putDecisionChain, async (request) =>
      progress.putDecisionChain(actorOf(request), request.params.id, request.body),
    );
  };
