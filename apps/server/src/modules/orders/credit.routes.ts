import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createCreditService } from './credit.service.js';
import { createFinanceSettingsService } from './finance-settings.js';

/** Credit limits per customer, the credit report and the finance settings. */
export const creditRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const credit = createCreditService({ db });
    const settings = createFinanceSettingsService({ db });

    registerServiceEndpoints(app, endpoints.credit, credit, ['get', 'put', 'report']);
    registerServiceEndpoints(app, endpoints.financeSettings, settings, ['get', 'put']);
  };
