import {
  ErrorBody,
  IdParams,
  MoveStageBody,
  StageRequestListQuery,
  StageTransition,
  StageTransitionList,
  StageTransitionRequest,
  StageTransitionRequestList,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createStageApprovalsService } from './approvals.service.js';
import { createStageTransitionsService } from './transitions.service.js';

const tags = ['lifecycle'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

/**
 * A customer's transition log, manual moves, and the lifecycle's record of stage-change requests
 * (deciding them goes through the approvals engine: `/approvals/{id}/approve|reject`).
 */
export const stageTransitionsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const transitions = createStageTransitionsService({ db });
    const approvals = createStageApprovalsService({ db });

    app.get(
      '/customers/:id/stage-transitions',
      {
        config: { permission: 'lifecycle.view' },
        schema: { tags, params: IdParams, response: { 200: StageTransitionList, ...errors } },
      },
      async (request) => transitions.list(actorOf(request), request.params.id),
    );

    app.post(
      '/customers/:id/stage-transitions',
      {
        config: { permission: 'lifecycle.move' },
        schema: {
          tags,
          description: '201 with the transition when applied; 202 with the request when the move needs approval.',
          params: IdParams,
          body: MoveStageBody,
          response: { 201: StageTransition, 202: StageTransitionRequest, ...errors },
        },
      },
      async (request, reply) => {
        const result = await transitions.move(actorOf(request), request.params.id, request.body);
        return result.kind === 'moved'
          ? reply.status(201).send(result.transition)
          : reply.status(202).send(result.request);
      },
    );

    app.get(
      '/stage-transition-requests',
      {
        config: { permission: 'lifecycle.view' },
        schema: { tags, querystring: StageRequestListQuery, response: { 200: StageTransitionRequestList, ...errors } },
      },
      async (request) => approvals.list(actorOf(request), request.query),
    );
  };
