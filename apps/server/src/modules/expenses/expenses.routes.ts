import { ATTACHMENT_MAX_BYTES } from '@guanxi/contract';
import { endpoints, ErrorBody, ExpenseAttachmentParams } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { FileBytes, sendAttachment } from '../../platform/http/attachment-transfer.js';
import { withStagedUpload } from '../../platform/uploads/index.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { attachmentStore } from '../../platform/attachments/attachment-store.js';
import { createExpenseAttachmentsService } from './expense-attachments.service.js';
import { createExpensesService } from './expenses.service.js';
import type { ListExports } from '../../platform/export/index.js';
import { EXPENSE_EXPORT_COLUMNS } from './expenses.export.js';

export const expensesRoutes =
  ({
    db,
    events,
    dataDir,
    listExports,
  }: {
    db: Db;
    events: EventBus;
    dataDir: string;
    listExports: ListExports;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const expenses = createExpensesService({ db, events });
    const files = createExpenseAttachmentsService({ db, store: attachmentStore(dataDir) });
    const api = endpoints.expenses;

    registerServiceEndpoints(app, api, expenses, ['list', 'create', 'get', 'update', 'delete', 'submit', 'withdraw']);
    listExports.register(app, {
      endpoint: api.export,
      list: (actor, query) => expenses.list(actor, query),
      columns: EXPENSE_EXPORT_COLUMNS,
      title: 'export.expenses',
      entity: 'expense',
    });

    registerEndpoint(app, api.uploadReceipt, async (request) =>
      withStagedUpload(request, { dataDir, maxBytes: ATTACHMENT_MAX_BYTES }, (file) =>
        files.upload(actorOf(request), request.params.id, file),
      ),
    );
    // The file's bytes, not JSON: a plain route, outside the contract's endpoints.
    app.get(
      '/expenses/:id/attachments/:attachmentId',
      {
        config: { permission: 'expenses.view' },
        schema: {
          summary: 'Download a receipt of an expense claim',
          operationId: 'downloadExpenseReceipt',
          tags: ['expenses'],
          params: ExpenseAttachmentParams,
          response: { 200: FileBytes, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const file = await files.download(actorOf(request), request.params.id, request.params.attachmentId);
        return sendAttachment(reply, file);
      },
    );
    registerEndpoint(app, api.deleteReceipt, async (request) =>
      files.delete(actorOf(request), request.params.id, request.params.attachmentId),
    );

    registerEndpoint(app, api.totals, async (request) => expenses.totals(actorOf(request), request.query));
  };
