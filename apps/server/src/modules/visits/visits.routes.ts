import {
  CreateVisitBody,
  ErrorBody,
  Visit,
  VisitList,
  VisitListQuery,
  VisitWeekly,
  VisitWeeklyQuery,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createVisitsService } from './visits.service.js';

const tags = ['visits'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody };

export const visitsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const visits = createVisitsService({ db });
    app.post(
      '/visits',
      {
        config: { permission: 'visits.create' },
        schema: { tags, body: CreateVisitBody, response: { 201: Visit, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await visits.checkIn(actorOf(request), request.body)),
    );
    app.get(
      '/visits',
      {
        config: { permission: 'visits.view' },
        schema: { tags, querystring: VisitListQuery, response: { 200: VisitList, ...errors } },
      },
      async (request) => visits.list(actorOf(request), request.query),
    );
    app.get(
      '/visits/weekly',
      {
        config: { permission: 'visits.view' },
        schema: { tags, querystring: VisitWeeklyQuery, response: { 200: VisitWeekly, ...errors } },
      },
      async (request) => visits.weekly(actorOf(request), request.query),
    );
  };
