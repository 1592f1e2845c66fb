import {
  CreateSalesProcessBody,
  ErrorBody,
  IdParams,
  SalesProcess,
  SalesProcessList,
  UpdateSalesProcessBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createSalesProcessesService } from './sales-processes.service.js';

const tags = ['sales-processes'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const salesProcessesRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const processes = createSalesProcessesService({ db });

    app.get(
      '/sales-processes',
      {
        config: { permission: 'opportunities.view' },
        schema: { tags, response: { 200: SalesProcessList, ...errors } },
      },
      async (request) => processes.list(actorOf(request)),
    );
    app.post(
      '/sales-processes',
      {
        config: { permission: 'opportunities.manage' },
        schema: { tags, body: CreateSalesProcessBody, response: { 201: SalesProcess, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await processes.create(actorOf(request), request.body)),
    );
    app.get(
      '/sales-processes/:id',
      {
        config: { permission: 'opportunities.view' },
        schema: { tags, params: IdParams, response: { 200: SalesProcess, ...errors } },
      },
      async (request) => processes.get(actorOf(request), request.params.id),
    );
    app.put(
      '/sales-processes/:id',
      {
        config: { permission: 'opportunities.manage' },
        schema: { tags, params: IdParams, body: UpdateSalesProcessBody, response: { 200: SalesProcess, ...errors } },
      },
      async (request) => processes.update(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/sales-processes/:id',
      {
        config: { permission: 'opportunities.manage' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await processes.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
