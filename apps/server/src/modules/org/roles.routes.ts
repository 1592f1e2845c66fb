import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createRolesService } from './roles.service.js';

export const rolesRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { roles: api } = endpoints;
    const roles = createRolesService({ db });

    registerEndpoint(app, api.list, async (request) => roles.list(actorOf(request)));

    registerEndpoint(app, api.create, async (request) => roles.create(actorOf(request), request.body));

    registerEndpoint(app, api.update, async (request) =>
      roles.update(actorOf(request), request.params.id, request.body),
    );

    registerEndpoint(app, api.delete, async (request) => {
      await roles.delete(actorOf(request), request.params.id);
    });
  };
