import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createDepartmentsService } from './departments.service.js';

export const departmentsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { departments: api } = endpoints;
    const departments = createDepartmentsService({ db });

    registerServiceEndpoints(app, api, departments, ['list', 'managementScope', 'create', 'update', 'delete']);
  };
