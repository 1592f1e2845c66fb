import {
  Attachment,
  CreateExpenseBody,
  ErrorBody,
  ExpenseAttachmentParams,
  ExpenseDetail,
  ExpenseListQuery,
  ExpensePage,
  ExpenseTotals,
  ExpenseTotalsQuery,
  IdParams,
  UpdateExpenseBody,
  UploadAttachmentBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import {
  ATTACHMENT_UPLOAD_BODY_LIMIT,
  attachmentUploadErrors,
  FileBytes,
  sendAttachment,
} from '../../platform/http/attachment-transfer.js';
import { actorOf } from '../../platform/http/request-context.js';
import { attachmentStore } from '../../platform/attachments/attachment-store.js';
import { createExpenseAttachmentsService } from './expense-attachments.service.js';
import { createExpensesService } from './expenses.service.js';

const tags = ['expenses'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const uploadErrors = { ...errors, ...attachmentUploadErrors };

export const expensesRoutes =
  ({ db, events, dataDir }: { db: Db; events: EventBus; dataDir: string }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const expenses = createExpensesService({ db, events });
    const files = createExpenseAttachmentsService({ db, store: attachmentStore(dataDir) });

    app.get(
      '/expenses',
      {
        config: { permission: 'expenses.view' },
        schema: { tags, querystring: ExpenseListQuery, response: { 200: ExpensePage, ...errors } },
      },
      async (request) => expenses.list(actorOf(request), request.query),
    );
    app.post(
      '/expenses',
      {
        config: { permission: 'expenses.create' },
        schema: { tags, body: CreateExpenseBody, response: { 201: ExpenseDetail, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await expenses.create(actorOf(request), request.body)),
    );
    app.get(
      '/expenses/:id',
      {
        config: { permission: 'expenses.view' },
        schema: { tags, params: IdParams, response: { 200: ExpenseDetail, ...errors } },
      },
      async (request) => expenses.get(actorOf(request), request.params.id),
    );
    app.patch(
      '/expenses/:id',
      {
        config: { permission: 'expenses.create' },
        schema: { tags, params: IdParams, body: UpdateExpenseBody, response: { 200: ExpenseDetail, ...errors } },
      },
      async (request) => expenses.update(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/expenses/:id',
      {
        config: { permission: 'expenses.create' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await expenses.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/expenses/:id/submit',
      {
        config: { permission: 'expenses.create' },
        schema: { tags, params: IdParams, response: { 200: ExpenseDetail, ...errors } },
      },
      async (request) => expenses.submit(actorOf(request), request.params.id),
    );
    app.post(
      '/expenses/:id/withdraw',
      {
        config: { permission: 'expenses.create' },
        schema: { tags, params: IdParams, response: { 200: ExpenseDetail, ...errors } },
      },
      async (request) => expenses.withdraw(actorOf(request), request.params.id),
    );

    app.post(
      '/expenses/:id/attachments',
      {
        config: { permission: 'expenses.create' },
        bodyLimit: ATTACHMENT_UPLOAD_BODY_LIMIT,
        schema: { tags, params: IdParams, body: UploadAttachmentBody, response: { 201: Attachment, ...uploadErrors } },
      },
      async (request, reply) =>
        reply.status(201).send(await files.upload(actorOf(request), request.params.id, request.body)),
    );
    app.get(
      '/expenses/:id/attachments/:attachmentId',
      {
        config: { permission: 'expenses.view' },
        schema: { tags, params: ExpenseAttachmentParams, response: { 200: FileBytes, 404: ErrorBody } },
      },
      async (request, reply) => {
        const file = await files.download(actorOf(request), request.params.id, request.params.attachmentId);
        return sendAttachment(reply, file);
      },
    );
    app.delete(
      '/expenses/:id/attachments/:attachmentId',
      {
        config: { permission: 'expenses.create' },
        schema: { tags, params: ExpenseAttachmentParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await files.delete(actorOf(request), request.params.id, request.params.attachmentId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/reports/expense-totals',
      {
        config: { permission: 'expenses.view' },
        schema: { tags, querystring: ExpenseTotalsQuery, response: { 200: ExpenseTotals, ...errors } },
      },
      async (request) => expenses.totals(actorOf(request), request.query),
    );
  };
