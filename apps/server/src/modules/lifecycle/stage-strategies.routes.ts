import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createStageStrategiesService } from './stage-strategies.service.js';

/** Per-stage strategies (issue 13) and a customer's follow-up cadence. */
export const stageStrategiesRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const strategies = createStageStrategiesService({ db });
    const { lifecycle: api } = endpoints;
    registerEndpoint(app, api.listStageStrategies, async (request) => strategies.list(actorOf(request)));
    registerEndpoint(app, api.putStageStrategies, async (request) =>
      strategies.update(actorOf(request), request.body.items),
    );
    registerEndpoint(app, api.followUpCadence, async (request) =>
      strategies.followUpCadence(actorOf(request), request.params.id),
    );
  };
