import {
  AssignCustomerBody,
  CustomerOwnership,
  ErrorBody,
  IdParams,
  OwnershipEventPage,
  OwnershipEventQuery,
  ReturnCustomerBody,
  TransferCustomerBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createOwnershipService } from './ownership.service.js';
import { createPoolCustomersService } from './pool-customers.service.js';

const tags = ['customers'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const answer = { 200: CustomerOwnership, ...errors };

/** Ownership actions as sub-resources of a customer (domain §3). */
export const ownershipRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const ownership = createOwnershipService({ db });
    const reads = createPoolCustomersService({ db });

    app.get(
      '/customers/:id/ownership',
      { config: { permission: 'customers.view' }, schema: { tags, params: IdParams, response: answer } },
      async (request) => reads.getOwnership(actorOf(request), request.params.id),
    );

    app.get(
      '/customers/:id/ownership-events',
      {
        config: { permission: 'customers.view' },
        schema: {
          tags,
          params: IdParams,
          querystring: OwnershipEventQuery,
          response: { 200: OwnershipEventPage, ...errors },
        },
      },
      async (request) => reads.findEvents(actorOf(request), request.params.id, request.query),
    );

    app.post(
      '/customers/:id/claim',
      { config: { permission: 'pools.claim' }, schema: { tags, params: IdParams, response: answer } },
      async (request) => ownership.claim(actorOf(request), request.params.id),
    );

    // Assigning is customers.assign (read-only roles hold pools.view); the service adds the pool's
    // membership for pool customers and the write scope for owned ones.
    app.post(
      '/customers/:id/assign',
      {
        config: { permission: 'customers.assign' },
        schema: { tags, params: IdParams, body: AssignCustomerBody, response: answer },
      },
      async (request) => ownership.assign(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/customers/:id/transfer',
      {
        config: { permission: 'customers.edit' },
        schema: { tags, params: IdParams, body: TransferCustomerBody, response: answer },
      },
      async (request) => ownership.transfer(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/customers/:id/return',
      {
        config: { permission: 'pools.claim' },
        schema: { tags, params: IdParams, body: ReturnCustomerBody, response: answer },
      },
      async (request) => ownership.returnToPool(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/customers/:id/lock',
      { config: { permission: 'pools.manage' }, schema: { tags, params: IdParams, response: answer } },
      async (request) => ownership.setLocked(actorOf(request), request.params.id, true),
    );

    app.post(
      '/customers/:id/unlock',
      { config: { permission: 'pools.manage' }, schema: { tags, params: IdParams, response: answer } },
      async (request) => ownership.setLocked(actorOf(request), request.params.id, false),
    );
  };
