import {
  CreateLeadPoolBody,
  ErrorBody,
  IdParams,
  LeadPage,
  LeadPool,
  LeadPoolLeadsQuery,
  LeadPoolList,
  UpdateLeadPoolBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createLeadPoolsService } from './lead-pools.service.js';

const tags = ['lead-pools'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const leadPoolsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const pools = createLeadPoolsService({ db });

    app.get(
      '/lead-pools',
      { config: { permission: 'leads.view' }, schema: { tags, response: { 200: LeadPoolList, ...errors } } },
      async (request) => pools.list(actorOf(request)),
    );

    app.post(
      '/lead-pools',
      {
        config: { permission: 'leads.manage' },
        schema: { tags, body: CreateLeadPoolBody, response: { 201: LeadPool, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await pools.create(actorOf(request), request.body)),
    );

    app.get(
      '/lead-pools/:id',
      {
        config: { permission: 'leads.view' },
        schema: { tags, params: IdParams, response: { 200: LeadPool, ...errors } },
      },
      async (request) => pools.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/lead-pools/:id',
      {
        config: { permission: 'leads.manage' },
        schema: { tags, params: IdParams, body: UpdateLeadPoolBody, response: { 200: LeadPool, ...errors } },
      },
      async (request) => pools.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/lead-pools/:id',
      {
        config: { permission: 'leads.manage' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await pools.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/lead-pools/:id/leads',
      {
        config: { permission: 'leads.view' },
        schema: { tags, params: IdParams, querystring: LeadPoolLeadsQuery, response: { 200: LeadPage, ...errors } },
      },
      async (request) => pools.listLeads(actorOf(request), request.params.id, request.query),
    );
  };
