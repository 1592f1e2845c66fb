import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createStageApprovalsService } from './approvals.service.js';
import { createStageTransitionsService } from './transitions.service.js';

/**
 * A customer's transition log, manual moves, and the lifecycle's record of stage-change requests
 * (deciding them goes through the approvals engine: `/approvals/{id}/approve|reject`).
 */
export const stageTransitionsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const transitions = createStageTransitionsService({ db });
    const approvals = createStageApprovalsService({ db });
    const { lifecycle: api } = endpoints;

    registerEndpoint(app, api.listTransitions, async (request) =>
      transitions.list(actorOf(request), request.params.id),
    );
    registerEndpoint(app, api.move, async (request, reply) => {
      const result = await transitions.move(actorOf(request), request.params.id, request.body);
      if (result.kind === 'moved') return result.transition;
      reply.status(202);
      return result.request;
    });
    registerEndpoint(app, api.listRequests, async (request) => approvals.list(actorOf(request), request.query));
  };
