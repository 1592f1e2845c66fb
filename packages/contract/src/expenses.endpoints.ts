import { Type } from 'typebox';
import { IdParams } from './common.js';
import { endpoint, UPLOAD_ERROR_RESPONSES } from './endpoint.js';
import {
  CreateExpenseBody,
  ExpenseAttachmentParams,
  ExpenseDetail,
  ExpenseListQuery,
  ExpensePage,
  ExpenseTotals,
  ExpenseTotalsQuery,
  UpdateExpenseBody,
} from './expenses.js';
import { Attachment, UploadFileForm } from './follow-ups.js';
import { exportEndpointOf } from './export.js';

const tags = ['expenses'];

/**
 * Expense claims and their receipts. Downloading a receipt answers the file's bytes, not JSON, so
 * it stays a plain route (`GET /expenses/:id/attachments/:attachmentId`, operation `downloadExpenseReceipt`).
 */
const listEndpoint = endpoint({
  method: 'GET',
  path: '/expenses',
  permission: 'expenses.view',
  summary: 'List expense claims',
  operationId: 'listExpenses',
  tags,
  query: ExpenseListQuery,
  responses: { 200: ExpensePage },
});

export const expensesEndpoints = {
  list: listEndpoint,
  export: exportEndpointOf(listEndpoint, {
    permission: 'expenses.export',
    summary: 'Export the expense list (same filters and sort) to Excel or CSV',
    operationId: 'exportExpenses',
  }),
  create: endpoint({
    method: 'POST',
    path: '/expenses',
    permission: 'expenses.create',
    summary: 'Create a draft expense claim',
    operationId: 'createExpense',
    tags,
    body: CreateExpenseBody,
    responses: { 201: ExpenseDetail },
  }),
  get: endpoint({
    method: 'GET',
    path: '/expenses/:id',
    permission: 'expenses.view',
    summary: 'Get an expense claim with its receipts',
    operationId: 'getExpense',
    tags,
    params: IdParams,
    responses: { 200: ExpenseDetail },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/expenses/:id',
    permission: 'expenses.create',
    summary: 'Update a draft expense claim',
    operationId: 'updateExpense',
    tags,
    params: IdParams,
    body: UpdateExpenseBody,
    responses: { 200: ExpenseDetail },
  }),
  delete: endpoint({
    method: 'DELETE',
    path: '/expenses/:id',
    permission: 'expenses.create',
    summary: 'Delete a draft expense claim',
    operationId: 'deleteExpense',
    tags,
    params: IdParams,
    responses: { 204: Type.Null() },
  }),
  submit: endpoint({
    method: 'POST',
    path: '/expenses/:id/submit',
    permission: 'expenses.create',
    summary: 'Submit an expense claim for approval',
    operationId: 'submitExpense',
    tags,
    params: IdParams,
    responses: { 200: ExpenseDetail },
  }),
  withdraw: endpoint({
    method: 'POST',
    path: '/expenses/:id/withdraw',
    permission: 'expenses.create',
    summary: 'Withdraw a submitted expense claim from approval',
    operationId: 'withdrawExpense',
    tags,
    params: IdParams,
    responses: { 200: ExpenseDetail },
  }),
  uploadReceipt: endpoint({
    method: 'POST',
    path: '/expenses/:id/attachments',
    permission: 'expenses.create',
    summary: 'Attach a receipt to an expense claim (multipart upload)',
    operationId: 'uploadExpenseReceipt',
    tags,
    params: IdParams,
    upload: UploadFileForm,
    responses: { 201: Attachment },
    errors: UPLOAD_ERROR_RESPONSES,
  }),
  deleteReceipt: endpoint({
    method: 'DELETE',
    path: '/expenses/:id/attachments/:attachmentId',
    permission: 'expenses.create',
    summary: 'Remove a receipt from an expense claim',
    operationId: 'deleteExpenseReceipt',
    tags,
    params: ExpenseAttachmentParams,
    responses: { 204: Type.Null() },
  }),
  totals: endpoint({
    method: 'GET',
    path: '/reports/expense-totals',
    permission: 'expenses.view',
    summary: 'Expense totals of a month by employee, customer or category',
    operationId: 'getExpenseTotals',
    tags,
    query: ExpenseTotalsQuery,
    responses: { 200: ExpenseTotals },
  }),
} as const;
