import {
  BulkCustomerActionBody,
  BulkCustomerResult,
  CustomerPage,
  ErrorBody,
  StaleCustomerQuery,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createCustomerCleanupService } from './customer-cleanup.service.js';

const tags = ['customers'];
const errors = { 400: ErrorBody, 403: ErrorBody };

/** Stale cleanup: the list of neglected customers and bulk return-to-pool / mark-lost with a reason. */
export const customerCleanupRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const cleanup = createCustomerCleanupService({ db });

    app.get(
      '/customers/stale',
      {
        config: { permission: 'customers.view' },
        schema: { tags, querystring: StaleCustomerQuery, response: { 200: CustomerPage, ...errors } },
      },
      async (request) => cleanup.listStale(actorOf(request), request.query),
    );

    // Same right as returning one customer; the owner-or-assigner rule is checked per record.
    app.post(
      '/customers/bulk/return-to-pool',
      {
        config: { permission: 'pools.claim' },
        schema: { tags, body: BulkCustomerActionBody, response: { 200: BulkCustomerResult, ...errors } },
      },
      async (request) => cleanup.returnToPool(actorOf(request), request.body),
    );

    app.post(
      '/customers/bulk/mark-lost',
      {
        config: { permission: 'lifecycle.move' },
        schema: { tags, body: BulkCustomerActionBody, response: { 200: BulkCustomerResult, ...errors } },
      },
      async (request) => cleanup.markLost(actorOf(request), request.body),
    );
  };
