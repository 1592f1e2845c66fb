import {
  CreatePaymentBody,
  ErrorBody,
  IdParams,
  InstallmentListQuery,
  InstallmentPage,
  Payment,
  PaymentListQuery,
  PaymentPage,
  PaymentPlan,
  PutPaymentPlanBody,
  ReceivablesAgeing,
  ReceivablesAgeingQuery,
  VoidPaymentBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createAgeingService } from './ageing.service.js';
import { createPaymentsService } from './payments.service.js';
import { createPlansService } from './plans.service.js';

const tags = ['payments'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const paymentsRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const payments = createPaymentsService({ db });
    const plans = createPlansService({ db });
    const ageing = createAgeingService({ db });

    app.get(
      '/payments',
      {
        config: { permission: 'payments.view' },
        schema: { tags, querystring: PaymentListQuery, response: { 200: PaymentPage, ...errors } },
      },
      async (request) => payments.list(actorOf(request), request.query),
    );
    app.post(
      '/payments',
      {
        config: { permission: 'payments.create' },
        schema: { tags, body: CreatePaymentBody, response: { 201: Payment, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await payments.create(actorOf(request), request.body)),
    );
    app.get(
      '/payments/:id',
      {
        config: { permission: 'payments.view' },
        schema: { tags, params: IdParams, response: { 200: Payment, ...errors } },
      },
      async (request) => payments.get(actorOf(request), request.params.id),
    );
    app.post(
      '/payments/:id/void',
      {
        config: { permission: 'payments.void' },
        schema: { tags, params: IdParams, body: VoidPaymentBody, response: { 200: Payment, ...errors } },
      },
      async (request) => payments.void(actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/payment-plans',
      {
        config: { permission: 'payments.view' },
        schema: { tags, querystring: InstallmentListQuery, response: { 200: InstallmentPage, ...errors } },
      },
      async (request) => plans.list(actorOf(request), request.query),
    );
    app.get(
      '/orders/:id/payment-plan',
      {
        config: { permission: 'payments.view' },
        schema: { tags, params: IdParams, response: { 200: PaymentPlan, ...errors } },
      },
      async (request) => plans.get(actorOf(request), request.params.id),
    );
    // orders.edit: the owner salesperson plans when entering the order; finance holds it too.
    app.put(
      '/orders/:id/payment-plan',
      {
        config: { permission: 'orders.edit' },
        schema: { tags, params: IdParams, body: PutPaymentPlanBody, response: { 200: PaymentPlan, ...errors } },
      },
      async (request) => plans.replace(actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/reports/receivables-ageing',
      {
        config: { permission: 'finance.view' },
        schema: { tags, querystring: ReceivablesAgeingQuery, response: { 200: ReceivablesAgeing, ...errors } },
      },
      async (request) => ageing.get(actorOf(request), request.query),
    );
  };
