import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createOwnershipService } from './ownership.service.js';
import { createPoolCustomersService } from './pool-customers.service.js';

/** Ownership actions as sub-resources of a customer (domain §3). */
export const ownershipRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const ownership = createOwnershipService({ db });
    const reads = createPoolCustomersService({ db });
    const { ownership: api } = endpoints;

    registerEndpoint(app, api.get, async (request) => reads.getOwnership(actorOf(request), request.params.id));
    registerEndpoint(app, api.listEvents, async (request) =>
      reads.findEvents(actorOf(request), request.params.id, request.query),
    );
    registerServiceEndpoints(app, api, ownership, ['claim', 'assign', 'transfer']);
    registerEndpoint(app, api.return, async (request) =>
      ownership.returnToPool(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.lock, async (request) => ownership.setLocked(actorOf(request), request.params.id, true));
    registerEndpoint(app, api.unlock, async (request) =>
      ownership.setLocked(actorOf(request), request.params.id, false),
    );
  };
