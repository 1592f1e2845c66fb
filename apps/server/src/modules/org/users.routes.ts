import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createUsersService } from './users.service.js';

export const usersRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { users: api } = endpoints;
    const users = createUsersService({ db });

    registerEndpoint(app, api.list, async (request) => users.list(actorOf(request), request.query));

    registerEndpoint(app, api.managementScope, async (request) => users.managementScope(actorOf(request)));

    registerEndpoint(app, api.get, async (request) => users.get(actorOf(request), request.params.id));

    registerEndpoint(app, api.create, async (request) => users.create(actorOf(request), request.body));

    registerEndpoint(app, api.update, async (request) =>
      users.update(actorOf(request), request.params.id, request.body),
    );
  };
