import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { reportRows, type ListExports } from '../../platform/export/index.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { VISIT_EXPORT_COLUMNS } from './visits.export.js';
import { createVisitsService } from './visits.service.js';

export const visitsRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { visits: api } = endpoints;
    const visits = createVisitsService({ db });
    registerServiceEndpoints(app, api, visits, ['checkIn', 'list', 'weekly']);
    // A day's visits are one bounded read, like the list screen's.
    listExports.register(app, {
      endpoint: api.export,
      list: reportRows(async (actor, query) => (await visits.list(actor, query)).items),
      columns: VISIT_EXPORT_COLUMNS,
      title: 'export.visits',
      entity: 'visit',
    });
  };
