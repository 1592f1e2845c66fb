import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createRelationshipService } from './relationship.service.js';

/** A customer's relationship phase, its settings and decline decisions, and the phase summary. */
export const relationshipRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const relationship = createRelationshipService({ db });
    const { relationship: api } = endpoints;

    registerEndpoint(app, api.summary, async (request) => relationship.summary(actorOf(request), request.query));
    registerEndpoint(app, api.get, async (request) => relationship.get(actorOf(request), request.params.id));
    registerEndpoint(app, api.putSettings, async (request) =>
      relationship.putSettings(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.decide, async (request, reply) => {
      const result = await relationship.decide(actorOf(request), request.params.id, request.body);
      reply.status(201);
      return result;
    });
  };
