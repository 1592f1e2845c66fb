import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createCustomerBulkService } from './customer-bulk.service.js';

/** Batch actions of the customer list (and the stale cleanup's return to pool), each answering per record. */
export const customerBulkRoutes =
  ({ db, events }: { db: Db; events: EventBus }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const bulk = createCustomerBulkService({ db, events });
    const { customers: api } = endpoints;
    registerEndpoint(app, api.bulkTransfer, async (request) => bulk.transfer(actorOf(request), request.body));
    registerEndpoint(app, api.bulkAssign, async (request) => bulk.assign(actorOf(request), request.body));
    registerEndpoint(app, api.bulkReturnToPool, async (request) => bulk.returnToPool(actorOf(request), request.body));
    registerEndpoint(app, api.bulkAddTags, async (request) => bulk.addTags(actorOf(request), request.body));
    registerEndpoint(app, api.bulkDelete, async (request) => bulk.delete(actorOf(request), request.body));
  };
