import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createOrganizationSettingsService } from './organization-settings.service.js';

export const organizationSettingsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { organization: api } = endpoints;
    const organization = createOrganizationSettingsService({ db });

    registerServiceEndpoints(app, api, organization, ['get', 'update']);
  };
