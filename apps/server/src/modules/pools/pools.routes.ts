import {
  CreateCustomerPoolBody,
  CustomerPool,
  CustomerPoolList,
  ErrorBody,
  IdParams,
  PoolCustomerPage,
  PoolCustomerQuery,
  UpdateCustomerPoolBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createPoolCustomersService } from './pool-customers.service.js';
import { createPoolsService } from './pools.service.js';

const tags = ['customer-pools'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const poolsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const pools = createPoolsService({ db });
    const poolCustomers = createPoolCustomersService({ db });

    app.get(
      '/customer-pools',
      { config: { permission: 'pools.view' }, schema: { tags, response: { 200: CustomerPoolList } } },
      async (request) => pools.list(actorOf(request)),
    );

    app.post(
      '/customer-pools',
      {
        config: { permission: 'pools.manage' },
        schema: { tags, body: CreateCustomerPoolBody, response: { 201: CustomerPool, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await pools.create(actorOf(request), request.body)),
    );

    app.get(
      '/customer-pools/:id',
      {
        config: { permission: 'pools.view' },
        schema: { tags, params: IdParams, response: { 200: CustomerPool, ...errors } },
      },
      async (request) => pools.get(actorOf(request), request.params.id),
    );

    app.patch(
      '/customer-pools/:id',
      {
        config: { permission: 'pools.manage' },
        schema: { tags, params: IdParams, body: UpdateCustomerPoolBody, response: { 200: CustomerPool, ...errors } },
      },
      async (request) => pools.update(actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/customer-pools/:id/customers',
      {
        config: { permission: 'pools.view' },
        schema: {
          tags,
          params: IdParams,
          querystring: PoolCustomerQuery,
          response: { 200: PoolCustomerPage, ...errors },
        },
      },
      async (request) => poolCustomers.list(actorOf(request), request.params.id, request.query),
    );
  };
