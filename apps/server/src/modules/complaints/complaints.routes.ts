import { ATTACHMENT_MAX_BYTES, ComplaintAttachmentParams, endpoints, ErrorBody } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { attachmentStore } from '../../platform/attachments/attachment-store.js';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { FileBytes, sendAttachment } from '../../platform/http/attachment-transfer.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { actorOf } from '../../platform/http/request-context.js';
import { withStagedUpload } from '../../platform/uploads/index.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { createComplaintSettingsService } from './complaint-settings.service.js';
import { createComplaintsService } from './complaints.service.js';
import { createComplaintStatsService } from './complaint-stats.js';

export const complaintsRoutes =
  ({ db, dataDir, events }: { db: Db; dataDir: string; events: EventBus }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { complaints: api } = endpoints;
    const complaints = createComplaintsService({ db, store: attachmentStore(dataDir), events });
    const settings = createComplaintSettingsService({ db });
    registerServiceEndpoints(app, api, createComplaintStatsService({ db }), ['stats']);
    registerServiceEndpoints(app, api, complaints, [
      'list',
      'create',
      'get',
      'assign',
      'start',
      'comment',
      'resolve',
      'close',
      'reopen',
    ]);
    registerEndpoint(app, api.uploadAttachment, async (request) =>
      withStagedUpload(request, { dataDir, maxBytes: ATTACHMENT_MAX_BYTES }, (file) =>
        complaints.upload(actorOf(request), request.params.id, file),
      ),
    );
    // The file's bytes, not JSON: a plain route, outside the contract's endpoints.
    app.get(
      '/complaints/:id/attachments/:attachmentId',
      {
        config: { permission: 'complaints.view' },
        schema: {
          summary: 'Download a file of a complaint',
          operationId: 'downloadComplaintAttachment',
          tags: ['complaints'],
          params: ComplaintAttachmentParams,
          response: { 200: FileBytes, 404: ErrorBody },
        },
      },
      async (request, reply) =>
        sendAttachment(
          reply,
          await complaints.download(actorOf(request), request.params.id, request.params.attachmentId),
        ),
    );
    registerServiceEndpoints(app, api, settings, [
      'categories',
      'createCategory',
      'updateCategory',
      'settings',
      'updateSettings',
    ]);
  };
