import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createReturnVisitsService } from './return-visits.service.js';
import type { ListExports } from '../../platform/export/index.js';
import { RETURN_VISIT_EXPORT_COLUMNS } from './return-visits.export.js';

export const returnVisitsRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const service = createReturnVisitsService({ db });
    registerServiceEndpoints(app, endpoints.returnVisits, service, [
      'list',
      'create',
      'getSettings',
      'putSettings',
      'get',
      'update',
      'record',
      'cancel',
      'raiseComplaint',
    ]);
    listExports.register(app, {
      endpoint: endpoints.returnVisits.export,
      list: (actor, query) => service.list(actor, query),
      columns: RETURN_VISIT_EXPORT_COLUMNS,
      title: 'export.returnVisits',
      entity: 'return_visit',
    });
  };
