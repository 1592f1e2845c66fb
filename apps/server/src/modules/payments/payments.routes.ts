import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createAgeingService } from './ageing.service.js';
import { createPaymentsService } from './payments.service.js';
import { createPlansService } from './plans.service.js';
import type { ListExports } from '../../platform/export/index.js';
import { PAYMENT_EXPORT_COLUMNS } from './payments.export.js';
import { AGEING_EXPORT_COLUMNS } from './ageing.export.js';

export const paymentsRoutes =
  ({ db, listExports }: { db: Db; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const payments = createPaymentsService({ db });
    const plans = createPlansService({ db });
    const ageing = createAgeingService({ db });
    const api = endpoints.payments;

    registerServiceEndpoints(app, api, payments, ['list', 'create', 'get', 'void']);
    listExports.register(app, {
      endpoint: api.export,
      list: (actor, query) => payments.list(actor, query),
      columns: PAYMENT_EXPORT_COLUMNS,
      title: 'export.payments',
      entity: 'payment',
    });
    registerEndpoint(app, api.listInstallments, async (request) => plans.list(actorOf(request), request.query));
    registerEndpoint(app, api.getPlan, async (request) => plans.get(actorOf(request), request.params.id));
    registerEndpoint(app, api.putPlan, async (request) =>
      plans.replace(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, api.ageing, async (request) => ageing.get(actorOf(request), request.query));
    listExports.register(app, {
      endpoint: api.exportAgeing,
      list: (actor, query) => ageing.get(actor, query),
      columns: AGEING_EXPORT_COLUMNS,
      title: 'export.receivablesAgeing',
      entity: 'payment_plan',
    });
  };
