import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createRolesService } from './roles.service.js';

export const rolesRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { roles: api } = endpoints;
    const roles = createRolesService({ db });

    registerServiceEndpoints(app, api, roles, ['list', 'create', 'update', 'delete']);
  };
