import { ErrorBody, Organization, UpdateOrganizationBody } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createOrganizationSettingsService } from './organization-settings.service.js';

const tags = ['organization'];

export const organizationSettingsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const organization = createOrganizationSettingsService({ db });

    // Everyone may read it: colleagues tell each other the code they sign in with.
    app.get(
      '/organization',
      { config: { permission: 'authenticated' }, schema: { tags, response: { 200: Organization } } },
      async (request) => organization.get(actorOf(request)),
    );

    app.patch(
      '/organization',
      {
        config: { permission: 'organization.manage' },
        schema: {
          tags,
          body: UpdateOrganizationBody,
          response: { 200: Organization, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
        },
      },
      async (request) => organization.update(actorOf(request), request.body),
    );
  };
