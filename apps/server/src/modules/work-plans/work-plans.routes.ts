import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createWorkPlansService } from './work-plans.service.js';

export const workPlansRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { workPlans: api } = endpoints;
    const plans = createWorkPlansService({ db });

    registerEndpoint(app, api.list, async (request) => plans.list(actorOf(request), request.query));
    registerEndpoint(app, api.create, async (request) => plans.create(actorOf(request), request.body));
    registerEndpoint(app, api.get, async (request) => plans.get(actorOf(request), request.params.id));
    registerEndpoint(app, api.update, async (request) =>
      plans.update(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.submit, async (request) =>
      plans.submit(actorOf(request), request.params.id, request.body.version),
    );
    registerEndpoint(app, api.review, async (request) =>
      plans.review(actorOf(request), request.params.id, request.body),
    );
  };
