import {
  CreditReportPage,
  CreditReportQuery,
  CustomerCredit,
  ErrorBody,
  FinanceSettings,
  IdParams,
  PutCustomerCreditBody,
  PutFinanceSettingsBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createCreditService } from './credit.service.js';
import { createFinanceSettingsService } from './finance-settings.js';

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

/** Credit limits per customer, the credit report and the finance settings. */
export const creditRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const credit = createCreditService({ db });
    const settings = createFinanceSettingsService({ db });

    app.get(
      '/customers/:id/credit',
      {
        config: { permission: 'credit.view' },
        schema: { tags: ['credit'], params: IdParams, response: { 200: CustomerCredit, ...errors } },
      },
      async (request) => credit.get(actorOf(request), request.params.id),
    );
    app.put(
      '/customers/:id/credit',
      {
        config: { permission: 'credit.manage' },
        schema: {
          tags: ['credit'],
          params: IdParams,
          body: PutCustomerCreditBody,
          response: { 200: CustomerCredit, ...errors },
        },
      },
      async (request) => credit.put(actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/reports/credit',
      {
        config: { permission: 'credit.view' },
        schema: { tags: ['credit'], querystring: CreditReportQuery, response: { 200: CreditReportPage, ...errors } },
      },
      async (request) => credit.report(actorOf(request), request.query),
    );
    app.get(
      '/finance-settings',
      {
        config: { permission: 'finance.view' },
        schema: { tags: ['finance'], response: { 200: FinanceSettings, ...errors } },
      },
      async (request) => settings.get(actorOf(request)),
    );
    app.put(
      '/finance-settings',
      {
        config: { permission: 'finance.manage' },
        schema: { tags: ['finance'], body: PutFinanceSettingsBody, response: { 200: FinanceSettings, ...errors } },
      },
      async (request) => settings.put(actorOf(request), request.body),
    );
  };
