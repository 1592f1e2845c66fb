import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createWorkPlansService } from './work-plans.service.js';

export const workPlansRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { workPlans: api } = endpoints;
    const plans = createWorkPlansService({ db });

    registerServiceEndpoints(app, api, plans, ['list', 'create', 'get', 'update']);
    registerEndpoint(app, api.submit, async (request) =>
      plans.submit(actorOf(request), request.params.id, request.body.version),
    );
    registerEndpoint(app, api.review, async (request) =>
      plans.review(actorOf(request), request.params.id, request.body),
    );
  };
