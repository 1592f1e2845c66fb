import { ATTACHMENT_MAX_BYTES, CustomerAttachmentParams, endpoints, ErrorBody } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { attachmentStore } from '../../platform/attachments/attachment-store.js';
import type { Db } from '../../platform/db/client.js';
import { FileBytes, sendAttachment } from '../../platform/http/attachment-transfer.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { withStagedUpload } from '../../platform/uploads/index.js';
import { createCustomer360Service } from './customer-360.service.js';

/** The customer page's summary, business events and files. */
export const customer360Routes =
  ({ db, dataDir }: { db: Db; dataDir: string }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const view = createCustomer360Service({ db, store: attachmentStore(dataDir) });
    const api = endpoints.customer360;

    registerEndpoint(app, api.summary, async (request) => view.summary(actorOf(request), request.params.id));
    registerEndpoint(app, api.events, async (request) => view.events(actorOf(request), request.params.id));
    registerEndpoint(app, api.listAttachments, async (request) =>
      view.listAttachments(actorOf(request), request.params.id),
    );
    registerEndpoint(app, api.uploadAttachment, async (request) =>
      withStagedUpload(request, { dataDir, maxBytes: ATTACHMENT_MAX_BYTES }, (file) =>
        view.upload(actorOf(request), request.params.id, file),
      ),
    );
    // The file's bytes, not JSON: a plain route, outside the contract's endpoints.
    app.get(
      '/customers/:id/attachments/:attachmentId',
      {
        config: { permission: 'customers.view' },
        schema: {
          summary: 'Download a file of a customer',
          operationId: 'downloadCustomerAttachment',
          tags: ['customers'],
          params: CustomerAttachmentParams,
          response: { 200: FileBytes, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const file = await view.download(actorOf(request), request.params.id, request.params.attachmentId);
        return sendAttachment(reply, file);
      },
    );
    registerEndpoint(app, api.deleteAttachment, async (request) =>
      view.deleteAttachment(actorOf(request), request.params.id, request.params.attachmentId),
    );
  };
