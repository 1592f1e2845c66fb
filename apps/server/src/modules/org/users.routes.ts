import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createUsersService } from './users.service.js';

export const usersRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { users: api } = endpoints;
    const users = createUsersService({ db });

    registerServiceEndpoints(app, api, users, ['list', 'directory', 'managementScope', 'get', 'create', 'update']);
  };
