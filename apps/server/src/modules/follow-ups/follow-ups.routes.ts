import { ATTACHMENT_MAX_BYTES } from '@guanxi/contract';
import { endpoints, ErrorBody, IdParams } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import { FileBytes, sendAttachment } from '../../platform/http/attachment-transfer.js';
import { withStagedUpload } from '../../platform/uploads/index.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { attachmentStore } from '../../platform/attachments/attachment-store.js';
import { createAttachmentsService } from './attachments.service.js';
import { createFollowUpTypesService } from './follow-up-types.js';
import { createFollowUpsService } from './follow-ups.service.js';
import type { ListExports } from '../../platform/export/index.js';
import { FOLLOW_UP_EXPORT_COLUMNS } from './follow-ups.export.js';

const tags = ['follow-ups'];

export const followUpsRoutes =
  ({ db, dataDir, listExports }: { db: Db; dataDir: string; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { followUps: api_followUps, attachments: api_attachments, followUpTypes: api_followUpTypes } = endpoints;
    const followUps = createFollowUpsService({ db });
    const types = createFollowUpTypesService({ db });
    const files = createAttachmentsService({ db, store: attachmentStore(dataDir) });

    registerServiceEndpoints(app, api_followUps, followUps, ['list', 'create', 'get']);
    listExports.register(app, {
      endpoint: api_followUps.export,
      list: (actor, query) => followUps.list(actor, query),
      columns: FOLLOW_UP_EXPORT_COLUMNS,
      title: 'export.followUps',
      entity: 'follow_up',
      labels: async (actor) => {
        const { items } = await types.list(actor);
        return {
          followUpType: Object.fromEntries(items.map((t) => [t.code, actor.locale === 'en' ? t.nameEn : t.nameZh])),
        };
      },
    });
    // Authors fix their own follow-ups; editing someone else's needs followups.edit (checked in the service).
    registerServiceEndpoints(app, api_followUps, followUps, ['update', 'delete']);

    registerEndpoint(app, api_followUps.uploadAttachment, async (request) =>
      withStagedUpload(request, { dataDir, maxBytes: ATTACHMENT_MAX_BYTES }, (file) =>
        files.upload(actorOf(request), request.params.id, file),
      ),
    );
    app.get(
      '/attachments/:id',
      {
        config: { permission: 'followups.view' },
        // Raw bytes, not JSON: stays a plain route (the contract's endpoint shape answers JSON).
        schema: {
          summary: 'Download a follow-up attachment',
          operationId: 'downloadAttachment',
          tags,
          params: IdParams,
          response: { 200: FileBytes, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const file = await files.download(actorOf(request), request.params.id);
        return sendAttachment(reply, file);
      },
    );
    registerEndpoint(app, api_attachments.delete, async (request) => {
      await files.delete(actorOf(request), request.params.id);
    });

    registerEndpoint(app, api_followUpTypes.list, async (request) => types.list(actorOf(request)));
    registerEndpoint(app, api_followUpTypes.put, async (request) =>
      types.replace(actorOf(request), request.body.items),
    );
  };
