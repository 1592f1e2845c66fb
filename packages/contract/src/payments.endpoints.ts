import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';
import {
  CreatePaymentBody,
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
} from './payments.js';
import { exportEndpointOf } from './export.js';

const tags = ['payments'];

const listEndpoint = endpoint({
  method: 'GET',
  path: '/payments',
  permission: 'payments.view',
  summary: 'List payments received',
  operationId: 'listPayments',
  tags,
  query: PaymentListQuery,
  responses: { 200: PaymentPage },
});

const ageingEndpoint = endpoint({
  method: 'GET',
  path: '/reports/receivables-ageing',
  permission: 'finance.view',
  summary: 'Receivables ageing report by customer',
  operationId: 'getReceivablesAgeing',
  tags,
  query: ReceivablesAgeingQuery,
  responses: { 200: ReceivablesAgeing },
});

export const paymentsEndpoints = {
  list: listEndpoint,
  export: exportEndpointOf(listEndpoint, {
    permission: 'payments.export',
    summary: 'Export the payment list (same filters and sort) to Excel or CSV',
    operationId: 'exportPayments',
  }),
  create: endpoint({
    method: 'POST',
    path: '/payments',
    permission: 'payments.create',
    summary: 'Record a payment against an order',
    operationId: 'createPayment',
    tags,
    body: CreatePaymentBody,
    responses: { 201: Payment },
  }),
  get: endpoint({
    method: 'GET',
    path: '/payments/:id',
    permission: 'payments.view',
    summary: 'Get a payment',
    operationId: 'getPayment',
    tags,
    params: IdParams,
    responses: { 200: Payment },
  }),
  void: endpoint({
    method: 'POST',
    path: '/payments/:id/void',
    permission: 'payments.void',
    summary: 'Void a payment with a reason',
    operationId: 'voidPayment',
    tags,
    params: IdParams,
    body: VoidPaymentBody,
    responses: { 200: Payment },
  }),
  listInstallments: endpoint({
    method: 'GET',
    path: '/payment-plans',
    permission: 'payments.view',
    summary: 'List payment plan installments',
    operationId: 'listPaymentInstallments',
    tags,
    query: InstallmentListQuery,
    responses: { 200: InstallmentPage },
  }),
  getPlan: endpoint({
    method: 'GET',
    path: '/orders/:id/payment-plan',
    permission: 'payments.view',
    summary: "Get an order's payment plan",
    operationId: 'getOrderPaymentPlan',
    tags,
    params: IdParams,
    responses: { 200: PaymentPlan },
  }),
  putPlan: endpoint({
    method: 'PUT',
    path: '/orders/:id/payment-plan',
    // The owner salesperson plans when entering the order; finance holds orders.edit too.
    permission: 'orders.edit',
    summary: "Replace an order's payment plan",
    operationId: 'putOrderPaymentPlan',
    tags,
    params: IdParams,
    body: PutPaymentPlanBody,
    responses: { 200: PaymentPlan },
  }),
  ageing: ageingEndpoint,
  exportAgeing: exportEndpointOf(ageingEndpoint, {
    permission: 'finance.export',
    summary: 'Export the receivables ageing (same date and grouping) to Excel or CSV',
    operationId: 'exportReceivablesAgeing',
  }),
} as const;
