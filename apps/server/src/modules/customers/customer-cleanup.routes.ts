import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createCustomerCleanupService } from './customer-cleanup.service.js';

/** Stale cleanup: the list of neglected customers and bulk mark-lost with a reason (return to pool: customer-bulk.routes). */
export const customerCleanupRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const cleanup = createCustomerCleanupService({ db });
    const { customers: api } = endpoints;

    registerEndpoint(app, api.listStale, async (request) => cleanup.listStale(actorOf(request), request.query));
    registerEndpoint(app, api.bulkMarkLost, async (request) => cleanup.markLost(actorOf(request), request.body));
  };
