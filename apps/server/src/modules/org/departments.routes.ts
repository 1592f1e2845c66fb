import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createDepartmentsService } from './departments.service.js';

export const departmentsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { departments: api } = endpoints;
    const departments = createDepartmentsService({ db });

    registerEndpoint(app, api.list, async (request) => departments.list(actorOf(request)));

    registerEndpoint(app, api.managementScope, async (request) => departments.managementScope(actorOf(request)));

    registerEndpoint(app, api.create, async (request) => departments.create(actorOf(request), request.body));

    registerEndpoint(app, api.update, async (request) =>
      departments.update(actorOf(request), request.params.id, request.body),
    );

    registerEndpoint(app, api.delete, async (request) => {
      await departments.delete(actorOf(request), request.params.id);
    });
  };
