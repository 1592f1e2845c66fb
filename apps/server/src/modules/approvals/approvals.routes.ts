import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createApprovalsService } from './approvals.service.js';

/** Approval flows (settings) and approval requests (inbox, decisions). */
export const approvalsRoutes =
  ({ db, events }: { db: Db; events: EventBus }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const approvals = createApprovalsService({ db, events });
    const api = endpoints.approvals;

    registerEndpoint(app, api.listFlows, async (request) => approvals.listFlows(actorOf(request)));
    registerEndpoint(app, api.updateFlow, async (request) =>
      approvals.updateFlow(actorOf(request), request.params.businessType, request.body),
    );
    registerServiceEndpoints(app, api, approvals, ['list', 'get']);
    registerEndpoint(app, api.context, async (request) => approvals.context(actorOf(request), request.params.id));
    registerEndpoint(app, api.batchApprove, async (request) => approvals.batchApprove(actorOf(request), request.body));
    registerEndpoint(app, api.approve, async (request) =>
      approvals.approve(actorOf(request), request.params.id, request.body.comment ?? null),
    );
    registerEndpoint(app, api.reject, async (request) =>
      approvals.reject(actorOf(request), request.params.id, request.body.comment),
    );
    registerEndpoint(app, api.withdraw, async (request) => approvals.withdraw(actorOf(request), request.params.id));
  };
