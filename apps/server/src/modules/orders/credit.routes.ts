import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createCreditService } from './credit.service.js';
import { createFinanceSettingsService } from './finance-settings.js';

/** Credit limits per customer, the credit report and the finance settings. */
export const creditRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const credit = createCreditService({ db });
    const settings = createFinanceSettingsService({ db });

    registerEndpoint(app, endpoints.credit.get, async (request) => credit.get(actorOf(request), request.params.id));
    registerEndpoint(app, endpoints.credit.put, async (request) =>
      credit.put(actorOf(request), request.params.id, request.body),
    );
    registerEndpoint(app, endpoints.credit.report, async (request) => credit.report(actorOf(request), request.query));
    registerEndpoint(app, endpoints.financeSettings.get, async (request) => settings.get(actorOf(request)));
    registerEndpoint(app, endpoints.financeSettings.put, async (request) =>
      settings.put(actorOf(request), request.body),
    );
  };
