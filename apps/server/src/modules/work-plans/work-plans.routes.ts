import {
  CreateWorkPlanBody,
  ErrorBody,
  IdParams,
  ReviewWorkPlanBody,
  SubmitBody,
  UpdateWorkPlanBody,
  WorkPlan,
  WorkPlanListQuery,
  WorkPlanPage,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createWorkPlansService } from './work-plans.service.js';

const tags = ['work-plans'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const workPlansRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const plans = createWorkPlansService({ db });

    app.get(
      '/work-plans',
      {
        config: { permission: 'plans.view' },
        schema: { tags, querystring: WorkPlanListQuery, response: { 200: WorkPlanPage, ...errors } },
      },
      async (request) => plans.list(actorOf(request), request.query),
    );
    app.post(
      '/work-plans',
      {
        config: { permission: 'plans.create' },
        schema: { tags, body: CreateWorkPlanBody, response: { 201: WorkPlan, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await plans.create(actorOf(request), request.body)),
    );
    app.get(
      '/work-plans/:id',
      {
        config: { permission: 'plans.view' },
        schema: { tags, params: IdParams, response: { 200: WorkPlan, ...errors } },
      },
      async (request) => plans.get(actorOf(request), request.params.id),
    );
    app.patch(
      '/work-plans/:id',
      {
        config: { permission: 'plans.create' },
        schema: { tags, params: IdParams, body: UpdateWorkPlanBody, response: { 200: WorkPlan, ...errors } },
      },
      async (request) => plans.update(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/work-plans/:id/submit',
      {
        config: { permission: 'plans.create' },
        schema: { tags, params: IdParams, body: SubmitBody, response: { 200: WorkPlan, ...errors } },
      },
      async (request) => plans.submit(actorOf(request), request.params.id, request.body.version),
    );
    app.post(
      '/work-plans/:id/review',
      {
        config: { permission: 'plans.review' },
        schema: { tags, params: IdParams, body: ReviewWorkPlanBody, response: { 200: WorkPlan, ...errors } },
      },
      async (request) => plans.review(actorOf(request), request.params.id, request.body),
    );
  };
