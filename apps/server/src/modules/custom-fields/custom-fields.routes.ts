import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createCustomFieldsService } from './custom-fields.service.js';

/** Custom field definitions: read by the record type's readers, kept by `customFields.manage`. */
export const customFieldsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    registerServiceEndpoints(app, endpoints.customFields, createCustomFieldsService({ db }), [
      'list',
      'create',
      'update',
    ]);
  };
