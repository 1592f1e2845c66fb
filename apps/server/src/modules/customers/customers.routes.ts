import {
  CreateCustomerBody,
  Customer,
  CustomerListQuery,
  CustomerPage,
  CustomerWriteResult,
  DuplicateErrorBody,
  ErrorBody,
  IdParams,
  UpdateCustomerBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { actorOf } from '../../platform/http/request-context.js';
import { customerCleanupRoutes } from './customer-cleanup.routes.js';
import { createCustomersService } from './customers.service.js';

const tags = ['customers'];
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };
/** Writes may answer 409 `duplicate` with the blocking records (domain §4). */
const writeErrors = { ...errors, 409: DuplicateErrorBody };
const noContent = { 204: Type.Null(), ...errors };

export const customersRoutes =
  ({ db, events }: { db: Db; events: EventBus }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const customers = createCustomersService({ db, events });
    await app.register(customerCleanupRoutes({ db }));

    app.get(
      '/customers',
      {
        config: { permission: 'customers.view', searchRateLimited: 'withQuery' },
        schema: { tags, querystring: CustomerListQuery, response: { 200: CustomerPage, ...errors } },
      },
      async (request) => customers.list(actorOf(request), request.query),
    );

    app.post(
      '/customers',
      {
        config: { permission: 'customers.create' },
        schema: { tags, body: CreateCustomerBody, response: { 201: CustomerWriteResult, ...writeErrors } },
      },
      async (request, reply) => reply.status(201).send(await customers.create(actorOf(request), request.body)),
    );

    app.get(
      '/customers/:id',
      {
        config: { permission: 'customers.view' },
        schema: { tags, params: IdParams, response: { 200: Customer, ...errors } },
      },
      async (request) => customers.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/customers/:id',
      {
        config: { permission: 'customers.edit' },
        schema: {
          tags,
          params: IdParams,
          body: UpdateCustomerBody,
          response: { 200: CustomerWriteResult, ...writeErrors },
        },
      },
      async (request) => customers.update(actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/customers/:id',
      { config: { permission: 'customers.delete' }, schema: { tags, params: IdParams, response: noContent } },
      async (request, reply) => {
        await customers.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/customers/:id/restore',
      {
        config: { permission: 'customers.delete' },
        schema: { tags, params: IdParams, response: { 200: Customer, ...errors } },
      },
      async (request) => customers.restore(actorOf(request), request.params.id),
    );
  };
