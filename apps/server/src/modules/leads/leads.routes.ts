import {
  AssignLeadsBody,
  AssignLeadsResult,
  ConvertLeadBody,
  ConvertLeadResult,
  CreateLeadBody,
  DuplicateErrorBody,
  ErrorBody,
  IdParams,
  Lead,
  LeadListQuery,
  LeadPage,
  LeadWriteResult,
  UpdateLeadBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createLeadAssignmentService } from './leads.assignment.js';
import { createLeadConversionService } from './leads.conversion.js';
import { createLeadsService } from './leads.service.js';

const tags = ['leads'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
/** Writes may answer 409 `duplicate` with the blocking records (domain §4). */
const writeErrors = { ...errors, 409: DuplicateErrorBody };

export const leadsRoutes =
  ({ db, events }: { db: Db; events: EventBus }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const leads = createLeadsService({ db });
    const assignment = createLeadAssignmentService({ db });
    const conversion = createLeadConversionService({ db, events });

    app.get(
      '/leads',
      {
        config: { permission: 'leads.view', searchRateLimited: 'withQuery' },
        schema: { tags, querystring: LeadListQuery, response: { 200: LeadPage, ...errors } },
      },
      async (request) => leads.list(actorOf(request), request.query),
    );

    app.post(
      '/leads',
      {
        config: { permission: 'leads.create' },
        schema: { tags, body: CreateLeadBody, response: { 201: LeadWriteResult, ...writeErrors } },
      },
      async (request, reply) => reply.status(201).send(await leads.create(actorOf(request), request.body)),
    );

    app.post(
      '/leads/assign',
      {
        config: { permission: 'leads.assign' },
        schema: { tags, body: AssignLeadsBody, response: { 200: AssignLeadsResult, ...errors } },
      },
      async (request) => assignment.assign(actorOf(request), request.body),
    );

    app.get(
      '/leads/:id',
      { config: { permission: 'leads.view' }, schema: { tags, params: IdParams, response: { 200: Lead, ...errors } } },
      async (request) => leads.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/leads/:id',
      {
        config: { permission: 'leads.edit' },
        schema: { tags, params: IdParams, body: UpdateLeadBody, response: { 200: LeadWriteResult, ...writeErrors } },
      },
      async (request) => leads.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/leads/:id',
      {
        config: { permission: 'leads.delete' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await leads.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/leads/:id/restore',
      {
        config: { permission: 'leads.delete' },
        schema: { tags, params: IdParams, response: { 200: Lead, ...errors } },
      },
      async (request) => leads.restore(actorOf(request), request.params.id),
    );

    app.post(
      '/leads/:id/claim',
      { config: { permission: 'leads.claim' }, schema: { tags, params: IdParams, response: { 200: Lead, ...errors } } },
      async (request) => assignment.claim(actorOf(request), request.params.id),
    );

    app.post(
      '/leads/:id/convert',
      {
        config: { permission: 'leads.convert' },
        schema: { tags, params: IdParams, body: ConvertLeadBody, response: { 201: ConvertLeadResult, ...writeErrors } },
      },
      async (request, reply) =>
        reply.status(201).send(await conversion.convert(actorOf(request), request.params.id, request.body)),
    );
  };
