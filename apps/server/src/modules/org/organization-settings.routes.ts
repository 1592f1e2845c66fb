import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createOrganizationSettingsService } from './organization-settings.service.js';

export const organizationSettingsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { organization: api } = endpoints;
    const organization = createOrganizationSettingsService({ db });

    registerEndpoint(app, api.get, async (request) => organization.get(actorOf(request)));

    registerEndpoint(app, api.update, async (request) => organization.update(actorOf(request), request.body));
  };
