import { Type } from 'typebox';
import { IdParams } from './common.js';
import { endpoint, errorResponses } from './endpoint.js';
import {
  Attachment,
  CreateFollowUpBody,
  FollowUp,
  FollowUpListQuery,
  FollowUpPage,
  FollowUpTypeList,
  UpdateFollowUpBody,
  UpdateFollowUpTypesBody,
  UploadFileForm,
} from './follow-ups.js';
import { exportEndpointOf } from './export.js';

const listEndpoint = endpoint({
  method: 'GET',
  path: '/follow-ups',
  permission: 'followups.view',
  summary: 'List follow ups',
  operationId: 'listFollowUps',
  tags: ['follow-ups'],
  query: FollowUpListQuery,
  responses: { 200: FollowUpPage },
});

export const followUpsEndpoints = {
  list: listEndpoint,
  export: exportEndpointOf(listEndpoint, {
    permission: 'followups.export',
    summary: 'Export the follow-up list (same filters and sort) to Excel or CSV',
    operationId: 'exportFollowUps',
  }),
  create: endpoint({
    method: 'POST',
    path: '/follow-ups',
    permission: 'followups.create',
    summary: 'Create a follow up',
    operationId: 'createFollowUp',
    tags: ['follow-ups'],
    body: CreateFollowUpBody,
    responses: { 201: FollowUp },
  }),
  get: endpoint({
    method: 'GET',
    path: '/follow-ups/:id',
    permission: 'followups.view',
    summary: 'Get a follow up',
    operationId: 'getFollowUp',
    tags: ['follow-ups'],
    params: IdParams,
    responses: { 200: FollowUp },
  }),
  // Authors fix their own follow-ups; editing someone else's needs followups.edit (checked in the service).
  update: endpoint({
    method: 'PATCH',
    path: '/follow-ups/:id',
    permission: 'followups.create',
    summary: 'Update a follow-up (authors their own; others need followups.edit)',
    operationId: 'updateFollowUp',
    tags: ['follow-ups'],
    params: IdParams,
    body: UpdateFollowUpBody,
    responses: { 200: FollowUp },
  }),
  delete: endpoint({
    method: 'DELETE',
    path: '/follow-ups/:id',
    permission: 'followups.delete',
    summary: 'Delete a follow up',
    operationId: 'deleteFollowUp',
    tags: ['follow-ups'],
    params: IdParams,
    responses: { 204: Type.Null() },
  }),
  uploadAttachment: endpoint({
    method: 'POST',
    path: '/follow-ups/:id/attachments',
    permission: 'followups.create',
    summary: 'Upload an attachment to a follow-up (multipart upload)',
    operationId: 'uploadFollowUpAttachment',
    tags: ['follow-ups'],
    params: IdParams,
    upload: UploadFileForm,
    responses: { 201: Attachment },
    errors: errorResponses(400, 403, 404, 409, 422, 413, 415),
  }),
} as const;

export const attachmentsEndpoints = {
  delete: endpoint({
    method: 'DELETE',
    path: '/attachments/:id',
    permission: 'followups.create',
    summary: 'Delete a follow-up attachment',
    operationId: 'deleteAttachment',
    tags: ['follow-ups'],
    params: IdParams,
    responses: { 204: Type.Null() },
  }),
} as const;

export const followUpTypesEndpoints = {
  // The organization's type names label follow-ups, so whoever reads follow-ups reads them.
  list: endpoint({
    method: 'GET',
    path: '/follow-up-types',
    permission: 'followups.view',
    summary: "List the organization's follow-up types",
    operationId: 'listFollowUpTypes',
    tags: ['follow-ups'],
    responses: { 200: FollowUpTypeList },
  }),
  put: endpoint({
    method: 'PUT',
    path: '/follow-up-types',
    permission: 'followups.manage',
    summary: "Replace the organization's follow-up types",
    operationId: 'putFollowUpTypes',
    tags: ['follow-ups'],
    body: UpdateFollowUpTypesBody,
    responses: { 200: FollowUpTypeList },
  }),
} as const;
