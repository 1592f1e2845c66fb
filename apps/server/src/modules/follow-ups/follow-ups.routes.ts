import {
  Attachment,
  CreateFollowUpBody,
  ErrorBody,
  FollowUp,
  FollowUpListQuery,
  FollowUpPage,
  FollowUpTypeList,
  IdParams,
  UpdateFollowUpBody,
  UpdateFollowUpTypesBody,
  UploadAttachmentBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/client.js';
import {
  ATTACHMENT_UPLOAD_BODY_LIMIT,
  attachmentUploadErrors,
  FileBytes,
  sendAttachment,
} from '../../platform/http/attachment-transfer.js';
import { actorOf } from '../../platform/http/request-context.js';
import { attachmentStore } from '../../platform/attachments/attachment-store.js';
import { createAttachmentsService } from './attachments.service.js';
import { createFollowUpTypesService } from './follow-up-types.js';
import { createFollowUpsService } from './follow-ups.service.js';

const tags = ['follow-ups'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const uploadErrors = { ...errors, ...attachmentUploadErrors };

export const followUpsRoutes =
  ({ db, dataDir }: { db: Db; dataDir: string }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const followUps = createFollowUpsService({ db });
    const types = createFollowUpTypesService({ db });
    const files = createAttachmentsService({ db, store: attachmentStore(dataDir) });

    app.get(
      '/follow-ups',
      {
        config: { permission: 'followups.view' },
        schema: { tags, querystring: FollowUpListQuery, response: { 200: FollowUpPage, ...errors } },
      },
      async (request) => followUps.list(actorOf(request), request.query),
    );
    app.post(
      '/follow-ups',
      {
        config: { permission: 'followups.create' },
        schema: { tags, body: CreateFollowUpBody, response: { 201: FollowUp, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await followUps.create(actorOf(request), request.body)),
    );
    app.get(
      '/follow-ups/:id',
      {
        config: { permission: 'followups.view' },
        schema: { tags, params: IdParams, response: { 200: FollowUp, ...errors } },
      },
      async (request) => followUps.get(actorOf(request), request.params.id),
    );
    // Authors fix their own follow-ups; editing someone else's needs followups.edit (checked in the service).
    app.patch(
      '/follow-ups/:id',
      {
        config: { permission: 'followups.create' },
        schema: { tags, params: IdParams, body: UpdateFollowUpBody, response: { 200: FollowUp, ...errors } },
      },
      async (request) => followUps.update(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/follow-ups/:id',
      {
        config: { permission: 'followups.delete' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await followUps.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/follow-ups/:id/attachments',
      {
        config: { permission: 'followups.create' },
        bodyLimit: ATTACHMENT_UPLOAD_BODY_LIMIT,
        schema: { tags, params: IdParams, body: UploadAttachmentBody, response: { 201: Attachment, ...uploadErrors } },
      },
      async (request, reply) =>
        reply.status(201).send(await files.upload(actorOf(request), request.params.id, request.body)),
    );
    app.get(
      '/attachments/:id',
      {
        config: { permission: 'followups.view' },
        schema: { tags, params: IdParams, response: { 200: FileBytes, 404: ErrorBody } },
      },
      async (request, reply) => {
        const file = await files.download(actorOf(request), request.params.id);
        return sendAttachment(reply, file);
      },
    );
    app.delete(
      '/attachments/:id',
      {
        config: { permission: 'followups.create' },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await files.delete(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/follow-up-types',
      // The organization's type names label follow-ups, so whoever reads follow-ups reads them.
      { config: { permission: 'followups.view' }, schema: { tags, response: { 200: FollowUpTypeList, ...errors } } },
      async (request) => types.list(actorOf(request)),
    );
    app.put(
      '/follow-up-types',
      {
        config: { permission: 'followups.manage' },
        schema: { tags, body: UpdateFollowUpTypesBody, response: { 200: FollowUpTypeList, ...errors } },
      },
      async (request) => types.replace(actorOf(request), request.body.items),
    );
  };
