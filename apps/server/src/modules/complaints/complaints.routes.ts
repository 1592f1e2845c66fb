import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createComplaintSettingsService } from './complaint-settings.service.js';
import { createComplaintsService } from './complaints.service.js';

export const complaintsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { complaints: api } = endpoints;
    const complaints = createComplaintsService({ db });
    const settings = createComplaintSettingsService({ db });
    registerServiceEndpoints(app, api, complaints, [
      'list',
      'create',
      'get',
      'assign',
      'start',
      'comment',
      'resolve',
      'close',
      'reopen',
    ]);
    registerServiceEndpoints(app, api, settings, [
      'categories',
      'createCategory',
      'updateCategory',
      'settings',
      'updateSettings',
    ]);
  };
