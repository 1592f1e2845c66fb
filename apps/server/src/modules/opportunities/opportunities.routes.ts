import {
  CloseOpportunityBody,
  CreateOpportunityBody,
  DecisionChain,
  ErrorBody,
  IdParams,
  MoveOpportunityStageBody,
  Opportunity,
  OpportunityHistory,
  OpportunityListQuery,
  OpportunityPage,
  Pipeline,
  PipelineQuery,
  PutDecisionChainBody,
  UpdateOpportunityBody,
  WinOpportunityBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createOpportunityProgressService } from './opportunities.progress.js';
import { createOpportunitiesService } from './opportunities.service.js';
import { createPipelineService } from './pipeline.service.js';

const tags = ['opportunities'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const opportunitiesRoutes =
  ({ db, events }: { db: Db; events: EventBus }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const opportunities = createOpportunitiesService({ db, events });
    const progress = createOpportunityProgressService({ db, events });
    const pipeline = createPipelineService({ db });

    app.get(
      '/opportunities',
      {
        config: { permission: 'opportunities.view' },
        schema: { tags, querystring: OpportunityListQuery, response: { 200: OpportunityPage, ...errors } },
      },
      async (request) => opportunities.list(actorOf(request), request.query),
    );
    app.get(
      '/opportunities/pipeline',
      {
        config: { permission: 'opportunities.view' },
        schema: { tags, querystring: PipelineQuery, response: { 200: Pipeline, ...errors } },
      },
      async (request) => pipeline.get(actorOf(request), request.query),
    );
    app.post(
      '/opportunities',
      {
        config: { permission: 'opportunities.create' },
        schema: { tags, body: CreateOpportunityBody, response: { 201: Opportunity, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await opportunities.create(actorOf(request), request.body)),
    );
    app.get(
      '/opportunities/:id',
      {
        config: { permission: 'opportunities.view' },
        schema: { tags, params: IdParams, response: { 200: Opportunity, ...errors } },
      },
      async (request) => opportunities.get(actorOf(request), request.params.id),
    );
    app.patch(
      '/opportunities/:id',
      {
        config: { permission: 'opportunities.edit' },
        schema: { tags, params: IdParams, body: UpdateOpportunityBody, response: { 200: Opportunity, ...errors } },
      },
      async (request) => opportunities.update(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/opportunities/:id',
      {
        config: { permission: 'opportunities.delete' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await opportunities.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/opportunities/:id/restore',
      {
        config: { permission: 'opportunities.delete' },
        schema: { tags, params: IdParams, response: { 200: Opportunity, ...errors } },
      },
      async (request) => opportunities.restore(actorOf(request), request.params.id),
    );
    app.post(
      '/opportunities/:id/stage',
      {
        config: { permission: 'opportunities.edit' },
        schema: { tags, params: IdParams, body: MoveOpportunityStageBody, response: { 200: Opportunity, ...errors } },
      },
      async (request) => progress.moveStage(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/opportunities/:id/won',
      {
        config: { permission: 'opportunities.edit' },
        schema: { tags, params: IdParams, body: WinOpportunityBody, response: { 200: Opportunity, ...errors } },
      },
      async (request) => progress.win(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/opportunities/:id/lost',
      {
        config: { permission: 'opportunities.edit' },
        schema: { tags, params: IdParams, body: CloseOpportunityBody, response: { 200: Opportunity, ...errors } },
      },
      async (request) => progress.lose(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/opportunities/:id/invalid',
      {
        config: { permission: 'opportunities.edit' },
        schema: { tags, params: IdParams, body: CloseOpportunityBody, response: { 200: Opportunity, ...errors } },
      },
      async (request) => progress.invalidate(actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/opportunities/:id/history',
      {
        config: { permission: 'opportunities.view' },
        schema: { tags, params: IdParams, response: { 200: OpportunityHistory, ...errors } },
      },
      async (request) => opportunities.history(actorOf(request), request.params.id),
    );
    app.get(
      '/opportunities/:id/contacts',
      {
        config: { permission: 'opportunities.view' },
        schema: { tags, params: IdParams, response: { 200: DecisionChain, ...errors } },
      },
      async (request) => progress.getDecisionChain(actorOf(request), request.params.id),
    );
    app.put(
      '/opportunities/:id/contacts',
      {
        config: { permission: 'opportunities.edit' },
        schema: { tags, params: IdParams, body: PutDecisionChainBody, response: { 200: DecisionChain, ...errors } },
      },
      async (request) => progress.putDecisionChain(actorOf(request), request.params.id, request.body),
    );
  };
